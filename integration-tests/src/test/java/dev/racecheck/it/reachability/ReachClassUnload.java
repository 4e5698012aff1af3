package dev.racecheck.it.reachability;

import java.net.URL;
import java.net.URLClassLoader;

/** A class loaded by a URLClassLoader the program drops: the class and its loader must be unloaded. */
public final class ReachClassUnload {
    public static void main(String[] args) throws Exception {
        Tracker t = new Tracker(args);
        loadUseAndDrop(t);
        t.await();
    }

    static void loadUseAndDrop(Tracker t) throws Exception {
        URL classes = ReachClassUnload.class.getProtectionDomain().getCodeSource().getLocation();
        // Parent: the platform loader, so the plugin is defined by this loader, not found on the class path.
        URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
        Class<?> plugin = loader.loadClass("dev.racecheck.it.reachability.Plugin");
        if (plugin.getClassLoader() != loader) throw new AssertionError("the plugin was not loaded by its own loader");
        Runnable p = (Runnable) plugin.getDeclaredConstructor().newInstance();
        Thread a = new Thread(p);
        Thread b = new Thread(p);
        a.start();
        b.start();
        a.join();
        b.join();
        p.run();
        loader.close();
        t.track("class: instance of a class of a dropped loader", p);
        t.track("class: class of a dropped loader", plugin);
        t.track("class: the dropped loader", loader);
    }
}
