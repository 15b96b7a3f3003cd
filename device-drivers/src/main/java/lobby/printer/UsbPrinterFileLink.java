package lobby.printer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lobby.device.DeviceException;
import lobby.serial.SerialLink;
import lobby.serial.SerialSettings;

/**
 * A USB printer-class device such as /dev/usb/lp0, written like a file. It carries bytes one
 * way only, so the printer's status cannot be asked. The kernel blocks writes while such a
 * printer is out of paper; the write runs on its own thread so the wait stays bounded, and an
 * interrupted {@link FileChannel} closes itself, which frees that thread.
 */
final class UsbPrinterFileLink implements SerialLink {
    private final SerialSettings config;
    private final FileChannel channel;
    private final ExecutorService writer;

    private UsbPrinterFileLink(SerialSettings config, FileChannel channel) {
        this.config = config;
        this.channel = channel;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "printer-writer " + config.port());
            t.setDaemon(true);
            return t;
        });
    }

    static SerialLink open(SerialSettings config) {
        Path path = Path.of(config.port());
        if (!Files.exists(path)) {
            throw new DeviceException("port " + config.port() + " missing");
        }
        try {
            return new UsbPrinterFileLink(config, FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new DeviceException("port " + config.port() + ": cannot open for writing: " + e, e);
        }
    }

    @Override
    public void write(byte[] bytes) {
        Future<?> done = writer.submit(() -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            return null;
        });
        try {
            done.get(config.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(true);
            throw new DeviceException("port " + config.port() + ": " + bytes.length + " bytes not taken within "
                    + config.writeTimeout().toMillis() + " ms (paper out or printer off?)");
        } catch (ExecutionException e) {
            throw new DeviceException("port " + config.port() + ": write failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.cancel(true);
            throw new DeviceException("port " + config.port() + ": interrupted while writing");
        }
    }

    @Override
    public byte[] read(int max, Duration timeout) {
        return new byte[0];
    }

    @Override
    public boolean readable() {
        return false;
    }

    @Override
    public void close() {
        writer.shutdownNow();
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to save: the next job opens the device again.
        }
    }
}
