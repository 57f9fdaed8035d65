package io.shuno.files;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/** The first step of each file route: what the file is (name, content hash, arrival), before anything is read. */
@Component("droppedFiles")
public class DroppedFiles {

    public DroppedFile identify(@Header(Exchange.FILE_PATH) String path) {
        return DroppedFile.at(Path.of(path));
    }
}
