package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Mockito's inline mock maker (the default in Mockito 5) retransforms PriceService, which racecheck instrumented. */
class CheckoutTest {
    @Test
    void totalsWithAMockedFinalClass() {
        PriceService prices = mock(PriceService.class);
        when(prices.priceOf("apple")).thenReturn(3);
        when(prices.priceOf("pear")).thenReturn(4);
        assertTrue(mockingDetails(prices).isMock());
        assertEquals(10, new Checkout(prices).total(List.of("apple", "pear", "apple")));
        verify(prices, org.mockito.Mockito.times(2)).priceOf("apple");
    }

    @Test
    void realObjectsStillWork() {
        // The same class unmocked: the retransformed class keeps racecheck's instrumentation and its behaviour.
        try {
            new PriceService().priceOf("apple");
        } catch (UnsupportedOperationException expected) {
            return;
        }
        throw new AssertionError("the real PriceService should throw");
    }
}
