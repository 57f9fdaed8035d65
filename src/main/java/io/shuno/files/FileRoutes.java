package io.shuno.files;

/** Names the file routes (routes/file-*.camel.yaml) and their beans share. */
final class FileRoutes {

    /** Exchange property: the {@link DroppedFile} being taken. */
    static final String DROPPED_FILE = "shunoDroppedFile";
    /** Exchange property: the folder (beside the file) it is moved to when the exchange completes. */
    static final String DESTINATION = "shunoFileDestination";
    static final String ERROR_FOLDER = ".error";
    /** Exchange property: the topic the file's rows go to (and a refused file's dead letter names). */
    static final String TOPIC = "shunoFileTopic";

    private FileRoutes() {
    }
}
