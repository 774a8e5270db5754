package org.openemg.rar.api;

/**
 * A connector's links as the adapter sees them now: binds (or client sessions) it may have and has, and
 * the requests sent on them that are still unanswered against the room their windows give.
 */
public record LinkFigures(int linksConfigured, int linksUp, int windowInUse, int windowSize) {

    /** A connector the adapter does not run. */
    public static final LinkFigures NONE = new LinkFigures(0, 0, 0, 0);
}
