package demo;

/** Final, so that only Mockito's inline mock maker (retransformation) can mock it. */
public final class PriceService {
    public int priceOf(String item) {
        throw new UnsupportedOperationException("calls a remote price server");
    }
}
