package org.scalesweep.jobs.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a standalone master reports on its UI's {@code /json/} endpoint (bound to 127.0.0.1): its
 * URL and the workers it has registered.
 *
 * @param url spark://host:port
 * @param workers registered workers, alive or not
 */
public record MasterState(String url, List<Worker> workers) {

  /**
   * One registered worker.
   *
   * @param id worker id
   * @param port the worker's RPC port (it also appears in its log)
   * @param state ALIVE, DEAD, ...
   * @param cores cores offered
   * @param memoryMiB memory offered
   */
  public record Worker(String id, int port, String state, int cores, int memoryMiB) {
    public boolean alive() {
      return "ALIVE".equals(state);
    }
  }

  public long alive() {
    return workers.stream().filter(Worker::alive).count();
  }

  /** The state, or empty when the UI does not answer (yet). */
  public static Optional<MasterState> fetch(String uiUrl) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest req = HttpRequest.newBuilder(URI.create(uiUrl + "/json/")).timeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() != 200) {
        return Optional.empty();
      }
      return Optional.of(parse(resp.body()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  static MasterState parse(String json) {
    Config c = ConfigFactory.parseString(json);
    List<Worker> workers = c.getConfigList("workers").stream()
        .map(w -> new Worker(w.getString("id"), w.getInt("port"), w.getString("state"), w.getInt("cores"),
            w.getInt("memory")))
        .toList();
    return new MasterState(c.getString("url"), workers);
  }
}
