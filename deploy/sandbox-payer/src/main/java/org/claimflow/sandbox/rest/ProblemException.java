package org.claimflow.sandbox.rest;

/** An error answered as a problem+json with a stable type. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(String type, String title, int status, String detail) {
        super(title);
        this.problem = new Problem(type, title, status, detail);
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException("/problems/not-found", "Not found", 404, what + " does not exist");
    }
}
