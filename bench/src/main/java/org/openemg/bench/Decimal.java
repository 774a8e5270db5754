package org.openemg.bench;

/** Decimal numbers as the bench reads them on its hot paths: no exceptions, no boxing. */
final class Decimal {

    /** The value of {@code text} if it is 1 to {@code maxDigits} decimal digits, else -1. */
    static long parse(String text, int maxDigits) {
        if (text == null || text.isEmpty() || text.length() > maxDigits) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private Decimal() {
    }
}
