package demo;

import java.util.List;

public class Checkout {
    private final PriceService prices;

    public Checkout(PriceService prices) {
        this.prices = prices;
    }

    public int total(List<String> items) {
        int sum = 0;
        for (String item : items) sum += prices.priceOf(item);
        return sum;
    }
}
