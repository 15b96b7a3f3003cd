package lobby.scanner;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a QR code in a camera frame: the ZXing decoder adapter (QrImages is the encoder).
 * "No code in this frame" is the common answer, so it is an empty result, not an exception.
 * HybridBinarizer copes with the uneven light of a lobby and a phone screen's glare; TRY_HARDER
 * looks at every row for finder patterns, which finds small and tilted codes. Not thread-safe:
 * one decoder per camera thread.
 */
final class QrFrameDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(QrFrameDecoder.class);
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.CHARACTER_SET, "UTF-8",
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

    private final QRCodeReader reader = new QRCodeReader();

    Optional<String> decode(Frame frame) {
        PlanarYUVLuminanceSource source = new PlanarYUVLuminanceSource(frame.luminance(), frame.width(),
                frame.height(), 0, 0, frame.width(), frame.height(), false);
        try {
            return Optional.of(reader.decode(new BinaryBitmap(new HybridBinarizer(source)), HINTS).getText());
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return Optional.empty(); // no code, or one too damaged, blurred or cut off to read
        } catch (RuntimeException e) {
            // ZXing has thrown on odd pictures before (index errors on degenerate finder patterns); one
            // bad frame must not stop the camera.
            LOG.debug("decoding a {}x{} frame failed: {}", frame.width(), frame.height(), e.toString());
            return Optional.empty();
        } finally {
            reader.reset();
        }
    }
}
