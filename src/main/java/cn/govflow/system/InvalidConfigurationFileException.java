package cn.govflow.system;

/** One of govflow's configuration files under {@code config/} cannot be used: names the file and the problem. */
public class InvalidConfigurationFileException extends RuntimeException {

    private final String file;

    public InvalidConfigurationFileException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
