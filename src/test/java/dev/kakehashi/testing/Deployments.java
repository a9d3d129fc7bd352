package dev.kakehashi.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The application exactly as the build packaged it, deployed as ROOT.war like in production. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive kakehashi() {
        File war = new File(System.getProperty("kakehashi.war", "target/kakehashi.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
