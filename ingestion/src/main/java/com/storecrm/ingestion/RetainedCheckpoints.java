package com.storecrm.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the newest complete checkpoint (a {@code chk-N} folder with its {@code _metadata}) that
 * earlier runs left under a local checkpoint folder ({@code <dir>/<job id>/chk-N}). The job keeps
 * its checkpoints on cancellation, so the local run command resumes where the last run stopped;
 * in production the Flink Kubernetes Operator does this (upgradeMode last-state or savepoint).
 */
public final class RetainedCheckpoints {

    private RetainedCheckpoints() {
    }

    /** The newest retained checkpoint under {@code checkpointDir} (a file: URI or path), if any. */
    public static Optional<Path> latest(String checkpointDir) {
        Path root = local(checkpointDir);
        if (root == null || !Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> jobs = Files.list(root)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(RetainedCheckpoints::checkpointsOf)
                    .max(Comparator.comparing(RetainedCheckpoints::completedAt));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The checkpoint to resume from: the second newest of the newest job's retained ones when there
     * are two or more, else the newest. The Postgres source can drop the first change after the
     * position it restores (FLINK-39265, unfixed in Flink CDC 3.5.0); restoring one checkpoint back
     * replays changes the sink already applied, so whatever is dropped was applied before and the
     * versioned sink absorbs the rest. The slot confirms positions three checkpoints late, so the
     * WAL from there is still kept.
     */
    public static Optional<Path> forRestore(String checkpointDir) {
        Optional<Path> newest = latest(checkpointDir);
        return newest.map(checkpoint -> checkpointsOf(checkpoint.getParent())
                .sorted(Comparator.comparing(RetainedCheckpoints::completedAt).reversed())
                .skip(1).findFirst().orElse(checkpoint));
    }

    /** A local folder for a {@code file:} URI or plain path, null for other file systems. */
    static Path local(String checkpointDir) {
        if (checkpointDir.startsWith("file:")) {
            return Path.of(URI.create(checkpointDir.replaceFirst("^file:/+", "file:///")));
        }
        return checkpointDir.contains("://") ? null : Path.of(checkpointDir);
    }

    private static Stream<Path> checkpointsOf(Path job) {
        try (Stream<Path> children = Files.list(job)) {
            return children.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
                    .toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static FileTime completedAt(Path checkpoint) {
        try {
            return Files.getLastModifiedTime(checkpoint.resolve("_metadata"));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
