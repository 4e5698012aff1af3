package dev.racecheck.subjects;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.lang3.ArrayUtils;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.builder.ToStringBuilder;
import org.apache.commons.lang3.builder.ToStringStyle;
import org.apache.commons.lang3.math.NumberUtils;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.common.base.CharMatcher;
import com.google.common.base.Joiner;
import com.google.common.base.Splitter;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.LinkedHashMultimap;
import com.google.common.collect.Multimap;
import com.google.common.collect.TreeMultiset;
import com.google.common.hash.Hashing;
import com.google.common.primitives.Ints;

/**
 * Real work for instrumented libraries: Jackson data binding (introspection, serializers, the tree model), Guava
 * collections, caches and hashing, Commons Lang. Run plainly and from instrumented copies of the libraries; the
 * results must be equal.
 */
public final class LibraryWorkload {
    /** This class and its nested classes, for loaders that must define them too. */
    public static final List<String> CLASSES = List.of(LibraryWorkload.class.getName(),
            LibraryWorkload.class.getName() + "$Order", LibraryWorkload.class.getName() + "$Line",
            LibraryWorkload.class.getName() + "$1");

    private LibraryWorkload() {
    }

    public static class Order {
        public String id;
        public List<Line> lines = new ArrayList<>();
        private long total;
        @JsonProperty("created")
        public long createdAt;

        public long getTotal() {
            return total;
        }

        public void setTotal(long total) {
            this.total = total;
        }
    }

    public static class Line {
        public String sku;
        public int quantity;
        public double price;

        public Line() {
        }

        Line(String sku, int quantity, double price) {
            this.sku = sku;
            this.quantity = quantity;
            this.price = price;
        }
    }

    public static String run() throws Exception {
        StringBuilder out = new StringBuilder();

        // Jackson: POJO round trip, tree model, maps.
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        Order order = new Order();
        order.id = "A-17";
        order.createdAt = 1_700_000_000_000L;
        for (int i = 0; i < 5; i++) order.lines.add(new Line("sku-" + i, i + 1, 9.99 * (i + 1)));
        order.setTotal(order.lines.stream().mapToLong(l -> l.quantity).sum());
        String json = mapper.writeValueAsString(order);
        Order back = mapper.readValue(json, Order.class);
        JsonNode tree = mapper.readTree(json);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", List.of(1, 2, 3));
        map.put("a", Map.of("nested", true));
        out.append(json).append('|').append(back.lines.get(4).price).append('|').append(tree.path("lines").size())
                .append('|').append(mapper.writeValueAsString(map)).append('\n');

        // Guava: immutable and multi collections, splitting, caches, hashing.
        ImmutableSortedSet<String> set = ImmutableSortedSet.copyOf(Splitter.on(',').trimResults().omitEmptyStrings()
                .split(" pear, apple ,, fig, apple, kiwi "));
        Multimap<Integer, String> byLength = LinkedHashMultimap.create();
        for (String s : set) byLength.put(s.length(), s);
        TreeMultiset<Character> letters = TreeMultiset.create();
        for (char c : Joiner.on("").join(set).toCharArray()) letters.add(c);
        LoadingCache<Integer, String> cache = CacheBuilder.newBuilder().maximumSize(3)
                .expireAfterWrite(1, TimeUnit.HOURS)
                .build(new CacheLoader<Integer, String>() {
                    @Override
                    public String load(Integer key) {
                        return StringUtils.repeat('*', key);
                    }
                });
        for (int i = 0; i < 10; i++) cache.getUnchecked(i % 5);
        out.append(set).append('|').append(byLength).append('|').append(letters).append('|')
                .append(ImmutableSortedMap.copyOf(cache.asMap())).append('|')
                .append(Hashing.sha256().hashString(json, StandardCharsets.UTF_8)).append('|')
                .append(CharMatcher.anyOf("aeiou").removeFrom("instrumentation")).append('|')
                .append(Ints.join("-", Ints.toArray(byLength.keySet()))).append('\n');

        // Commons Lang.
        int[] numbers = {5, 3, 9, 1};
        ArrayUtils.reverse(numbers);
        out.append(StringUtils.abbreviate("racecheck finds data races", 15)).append('|')
                .append(StringUtils.leftPad("42", 6, '0')).append('|')
                .append(NumberUtils.toInt("123", -1) + NumberUtils.toInt("x", -1)).append('|')
                .append(ArrayUtils.toString(numbers)).append('|')
                .append(new ToStringBuilder(back, ToStringStyle.SHORT_PREFIX_STYLE).append("id", back.id)
                        .append("total", back.getTotal()).build())
                .append('|').append(StringUtils.capitalize(StringUtils.reverse("kcehcecar")));
        return out.toString();
    }
}
