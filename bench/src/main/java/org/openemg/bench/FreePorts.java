package org.openemg.bench;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Prints N distinct TCP ports that are free on 127.0.0.1 right now (for the server's side ports). */
public final class FreePorts {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<ServerSocket> held = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
            held.add(s);
            out.append(i == 0 ? "" : " ").append(s.getLocalPort());
        }
        for (ServerSocket s : held) {
            s.close();
        }
        System.out.println(out);
    }
}
