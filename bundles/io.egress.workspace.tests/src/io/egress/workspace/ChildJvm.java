package io.egress.workspace;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the class path of a child JVM from where the classes it needs were loaded. Under OSGi the
 * test JVM's own class path holds only the framework launcher, so each class's code source (the
 * bundle's jar or directory) is used; a bundle directory from the reactor keeps its classes in
 * {@code target/classes} or {@code bin}.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    static List<String> command(String mainClass, List<Class<?>> needed, String... args) {
        Set<String> classpath = new LinkedHashSet<>();
        for (Class<?> c : needed) {
            classpath.add(root(c).toString());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private static Path root(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("no code source for " + c.getName() + ": cannot build a child class path");
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("code source of " + c.getName() + " is not a file: " + source.getLocation(), e);
        }
        if (Files.isRegularFile(location)) {
            return location;
        }
        String classFile = c.getName().replace('.', '/') + ".class";
        for (String sub : new String[] {"", "target/classes", "bin"}) {
            Path candidate = location.resolve(sub);
            if (Files.isRegularFile(candidate.resolve(classFile))) {
                return candidate;
            }
        }
        throw new IllegalStateException(classFile + " not found under " + location);
    }
}
