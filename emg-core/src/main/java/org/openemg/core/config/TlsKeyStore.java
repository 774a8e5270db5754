package org.openemg.core.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * A connector's KEYSTORE (PKCS12, or JKS) opened with its KEYSTOREPASSWORD when the configuration is
 * read, so that a wrong file or password stops the start naming the line, not the first STARTTLS.
 */
public final class TlsKeyStore {

    private final KeyStore keyStore;
    private final char[] password;

    private TlsKeyStore(KeyStore keyStore, char[] password) {
        this.keyStore = keyStore;
        this.password = password;
    }

    static TlsKeyStore open(String fileName, byte[] content, String password) {
        char[] secret = password.toCharArray();
        for (String type : new String[] {"PKCS12", "JKS"}) {
            try {
                KeyStore store = KeyStore.getInstance(type);
                store.load(new ByteArrayInputStream(content), secret);
                return new TlsKeyStore(store, secret);
            } catch (IOException | GeneralSecurityException e) {
                // the next type is tried; a wrong password fails both
            }
        }
        throw new IllegalArgumentException("cannot open key store '" + fileName
                + "': not PKCS12 or JKS, or KEYSTOREPASSWORD is wrong");
    }

    public KeyStore keyStore() {
        return keyStore;
    }

    public char[] password() {
        return password.clone();
    }
}
