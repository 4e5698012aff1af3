package dev.racecheck.it.companion;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A serializable class without a declared serialVersionUID: racecheck's companion fields are private, transient
 * and synthetic, so the computed serialVersionUID, the serialized fields and the bytes are the same as without the
 * agent (the test compares this program's output with and without it).
 * Expected: no race
 */
public final class NoRaceSerializedObject {
    static class Account implements Serializable {
        String owner;
        long balance;
        int[] history = {1, 2, 3};
    }

    public static void main(String[] args) throws Exception {
        Account a = new Account();
        a.owner = "ada";
        a.balance = 42;
        ObjectStreamClass desc = ObjectStreamClass.lookup(Account.class);
        System.out.println("serialVersionUID " + desc.getSerialVersionUID());
        for (ObjectStreamField f : desc.getFields()) System.out.println("serialized field " + f.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        System.out.println("bytes " + Arrays.hashCode(bytes.toByteArray()) + " (" + bytes.size() + ")");
        Account b;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            b = (Account) in.readObject();
        }
        // The copy is written by another thread after a proper hand-off (start).
        Thread worker = new Thread(() -> b.balance += 1, "worker");
        worker.start();
        worker.join();
        System.out.println("copy " + b.owner + " " + b.balance + " " + Arrays.toString(b.history));
    }
}
