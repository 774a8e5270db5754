package org.openemg.bench;

/** How often and when (first, nanoTime) each message k of the bench was seen somewhere, and how many were seen in all. */
interface Counts {

    int count(int k);

    long firstArrival(int k);

    long total();
}
