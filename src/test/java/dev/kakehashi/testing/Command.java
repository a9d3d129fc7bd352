package dev.kakehashi.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs a program to its end, for the tests of scripts and command-line tools: its exit code and its output. */
public final class Command {

    /** The exit code, and standard output and error together. */
    public record Result(int exit, String output) {
    }

    private Command() {
    }

    /** In {@code directory}, with the test JVM's environment plus {@code environment}. */
    public static Result run(Path directory, Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return finish(builder);
    }

    /**
     * In {@code directory}, with only PATH and HOME: what a person's shell would have (the test JVM's
     * KAKEHASHI_* variables would, for example, override a compose file's .env).
     */
    public static Result runClean(Path directory, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        return finish(builder);
    }

    private static Result finish(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
