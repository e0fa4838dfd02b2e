package uk.gov.inspectorates.portal.deploy.load;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Uploaders whose connection drops in the middle of a part (a real TCP reset, which Gatling cannot make): each starts
 * a resumable upload, loses its first part halfway, asks the portal which parts arrived (the lost one must not be
 * among them), sends every part again, completes and shares it. Runs beside the Gatling steps, recorded alike.
 */
final class Droppers implements AutoCloseable {

    private final ExecutorService pool;
    private volatile boolean running = true;

    Droppers(int count, List<LoadClient> uploaders, List<Map<String, Object>> files, Map<String, String> requestOf,
             Map<String, String> readerOf) {
        pool = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            LoadClient uploader = uploaders.get(i % uploaders.size());
            pool.submit(() -> {
                while (running) {
                    Map<String, Object> file = files.get(ThreadLocalRandom.current().nextInt(files.size()));
                    try {
                        once(uploader, file, requestOf.get(uploader.username()), readerOf.get(uploader.username()));
                    } catch (Exception e) {
                        Recorder.sample("upload dropped and resumed (failed: " + e + ")", 0, 0, 0, null);
                    }
                }
                return null;
            });
        }
    }

    private static void once(LoadClient uploader, Map<String, Object> file, String requestPath, String reader)
            throws Exception {
        LoadDocument document = new LoadDocument(java.nio.file.Path.of((String) file.get("filePath")),
                (Long) file.get("fileSize"), (String) file.get("fileSha256"));
        String[] ids = requestPath.split("/");
        long t0 = System.currentTimeMillis();
        HttpResponse<String> started = uploader.postJson("api/v1/uploads", "{\"purpose\":\"INSPECTION_DOCUMENT\","
                + "\"fileName\":\"evidence.pdf\",\"length\":" + document.size() + ",\"inspection\":\"" + ids[3]
                + "\",\"request\":\"" + ids[5] + "\"}");
        Recorder.sample("upload dropped start", started.statusCode(), System.currentTimeMillis() - t0, 0,
                started.body());
        if (started.statusCode() != 201) {
            TimeUnit.SECONDS.sleep(2);
            return;
        }
        String id = LoadClient.idOf(started.body());
        int partSize = Integer.parseInt(started.body().replaceAll(".*\"partSize\":(\\d+).*", "$1"));
        int partCount = Integer.parseInt(started.body().replaceAll(".*\"partCount\":(\\d+).*", "$1"));
        uploader.dropPartHalfway(id, 1, document.bytes(0, (int) Math.min(partSize, document.size())));
        HttpResponse<String> status = uploader.get("api/v1/uploads/" + id);
        boolean keptHalf = status.body().matches("(?s).*\"receivedParts\":\\[1[],].*");
        Recorder.sample("upload dropped resync", keptHalf ? 500 : status.statusCode(), 0, 0,
                keptHalf ? "{\"type\":\"urn:inspectorates-portal:problem:dropped-part-kept\"}" : status.body());
        for (int part = 1; part <= partCount; part++) {
            long from = (long) (part - 1) * partSize;
            byte[] bytes = document.bytes(from, (int) Math.min(partSize, document.size() - from));
            for (int tries = 0; ; tries++) {
                long t = System.currentTimeMillis();
                HttpResponse<String> sent = uploader.putBytes("api/v1/uploads/" + id + "/parts/" + part, bytes);
                Recorder.sample("upload dropped part", sent.statusCode(), System.currentTimeMillis() - t,
                        sent.statusCode() == 200 ? bytes.length : 0, sent.body());
                if (sent.statusCode() == 200) {
                    break;
                }
                if ((sent.statusCode() != 429 && sent.statusCode() != 503) || tries > 30) {
                    return;
                }
                TimeUnit.SECONDS.sleep(2);
            }
        }
        for (int tries = 0; ; tries++) {
            long t = System.currentTimeMillis();
            HttpResponse<String> completed = uploader.postJson("api/v1/uploads/" + id + "/completion", "{}");
            Recorder.sample("upload dropped completion", completed.statusCode(), System.currentTimeMillis() - t, 0,
                    completed.body());
            if (completed.statusCode() == 200) {
                break;
            }
            if ((completed.statusCode() != 429 && completed.statusCode() != 503) || tries > 30) {
                return;
            }
            TimeUnit.SECONDS.sleep(3);
        }
        long t = System.currentTimeMillis();
        HttpResponse<String> shared = uploader.shareUpload(requestPath, id);
        Recorder.sample("upload dropped share", shared.statusCode(), System.currentTimeMillis() - t, 0, shared.body());
        if (shared.statusCode() == 201) {
            Recorder.kept(LoadClient.idOf(shared.body()), reader, document.sha256(), document.size());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
    }
}
