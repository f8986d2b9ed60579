package cn.govflow.licence;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code openssl} command line (OpenSSL 3), the second SM2 implementation the licence tests check govflow
 * against. The tests install nothing: .ci/run installs Debian's openssl package when it is missing.
 */
final class OpenSsl {

    record Result(int exitCode, String output) {}

    private OpenSsl() {}

    static Result run(Path workingDirectory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("openssl did not finish: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return fail("cannot run " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted: " + command);
        }
    }

    /** Runs openssl and fails the test, with openssl's output, unless it succeeds. */
    static String succeed(Path workingDirectory, String... arguments) {
        Result result = run(workingDirectory, arguments);
        if (result.exitCode() != 0) {
            fail("openssl " + String.join(" ", arguments) + " failed (" + result.exitCode() + "):\n" + result.output());
        }
        return result.output();
    }

    private static String executable() {
        for (String directory :
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(directory, "openssl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("the licence interoperability tests need the openssl command line (OpenSSL 3); .ci/run installs "
                + "it (apt-get install openssl), or install Debian's openssl package yourself");
    }
}
