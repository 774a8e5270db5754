package org.openemg.rar.api;

/**
 * What a connector's links look like right now: how many it should have and has up, and how much of
 * their windows (unanswered requests) is taken. A connector without windows reports 0 of 0.
 */
public record LinkFigures(int linksConfigured, int linksUp, int windowInUse, int windowSize) {

    /** The figures of a connector the adapter does not run. */
    public static final LinkFigures NOT_RUNNING = new LinkFigures(0, 0, 0, 0);
}
