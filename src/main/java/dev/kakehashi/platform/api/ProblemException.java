package dev.kakehashi.platform.api;

import java.util.List;

/** Thrown anywhere in a request to answer with a problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(Problem.of(type, detail, errors));
    }

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** A business rule refused the change: {@code detail} for the problem, and the field, rule and message it names. */
    public static ProblemException ruleViolated(String detail, String field, String rule, String message) {
        return new ProblemException(ProblemType.RULE_VIOLATED, detail, List.of(new Problem.FieldError(field, rule, message)));
    }

    /** The same, where the message says it all. */
    public static ProblemException ruleViolated(String field, String rule, String message) {
        return ruleViolated(message, field, rule, message);
    }

    /** The 404 every feature answers for what does not exist and for what the caller's company may not see. */
    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }
}
