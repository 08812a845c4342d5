using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Postgres.Migrations
{
    /// <summary>
    /// What the domain reads but never writes, kept by triggers as the SQLite adapter keeps it (the
    /// conformance tests hold both to the domain's definitions): the search text and os_distro copy on
    /// each image, the facet counters of the listable candidates, the property names, the tag rows'
    /// image creation time; and the indexes the search and the property filters use.
    /// </summary>
    public partial class DerivedData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");

            // The image's name and property values, lower-cased: what every search word is tested in.
            migrationBuilder.Sql("""
                CREATE FUNCTION glance_search_text(image_name text, image_id text) RETURNS text LANGUAGE sql STABLE AS $$
                  SELECT lower(coalesce(image_name, '') || ' ' || coalesce(
                    (SELECT string_agg(p."Value", ' ') FROM image_properties AS p WHERE p."ImageId" = image_id), ''))
                $$;
                CREATE FUNCTION glance_images_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW."SearchText" := glance_search_text(NEW."Name", NEW."Id");
                  RETURN NEW;
                END $$;
                CREATE TRIGGER images_search_text BEFORE INSERT OR UPDATE OF "Name" ON images
                  FOR EACH ROW EXECUTE FUNCTION glance_images_before_write();
                """);

            // A property change: the image's search text again, its os_distro copy when that property
            // is the one changed (cut to the column, as no facet value is longer), and the name known.
            // The image row is locked in a statement of its own first: two transactions changing
            // properties of one image then take turns, and the second reads what the first committed.
            // NO KEY UPDATE, the lock an UPDATE of the row takes: unlike FOR UPDATE it does not wait for
            // the key-share lock every property row's foreign key holds, which both writers already have.
            // Then the derived-data lock (see glance_derived_data_lock).
            // The shared rows a write changes (facet counters, property names) are changed by one
            // transaction at a time, as on SQLite. A transaction takes this lock after its image's row and
            // before any shared row, and holds it to its end: with several statements in one transaction
            // (a property, then the visibility) no order of the counters alone could keep two writers from
            // each holding a counter the other waits for.
            migrationBuilder.Sql("""
                CREATE FUNCTION glance_derived_data_lock() RETURNS void LANGUAGE sql AS $$
                  SELECT pg_advisory_xact_lock(7424698)
                $$;
                """);

            migrationBuilder.Sql("""
                CREATE FUNCTION glance_properties_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  image_id text;
                  distro boolean;
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    image_id := NEW."ImageId";
                    distro := NEW."Name" = 'os_distro';
                  ELSIF TG_OP = 'DELETE' THEN
                    image_id := OLD."ImageId";
                    distro := OLD."Name" = 'os_distro';
                  ELSE
                    image_id := NEW."ImageId";
                    distro := OLD."Name" = 'os_distro' OR NEW."Name" = 'os_distro';
                  END IF;
                  PERFORM 1 FROM images WHERE "Id" = image_id FOR NO KEY UPDATE;
                  PERFORM glance_derived_data_lock();
                  UPDATE images SET "SearchText" = glance_search_text(images."Name", images."Id") WHERE "Id" = image_id;
                  IF distro THEN
                    UPDATE images SET "OsDistro" = left(
                      (SELECT p."Value" FROM image_properties AS p WHERE p."ImageId" = image_id AND p."Name" = 'os_distro'), 255)
                    WHERE "Id" = image_id;
                  END IF;
                  IF TG_OP = 'INSERT' THEN
                    INSERT INTO image_property_names ("Name") VALUES (NEW."Name") ON CONFLICT DO NOTHING;
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER image_properties_derived AFTER INSERT OR UPDATE OR DELETE ON image_properties
                  FOR EACH ROW EXECUTE FUNCTION glance_properties_after_write();
                """);

            // Every write of an image moves its five facet values between counters: minus one for the row
            // as it was, plus one for the row as it is, each only while the image is a candidate (not
            // deleted, not killed: CatalogAudience.IsCandidate). The net changes go in one statement in key
            // order under the derived-data lock, and an update that touches no facet column does not run
            // at all.
            migrationBuilder.Sql("""
                CREATE FUNCTION glance_facet_apply(was images, now images) RETURNS void LANGUAGE sql AS $$
                  SELECT glance_derived_data_lock();
                  INSERT INTO image_facet_counts ("Visibility", "OsHidden", "Facet", "Value", "Count")
                  SELECT visibility, hidden, facet, value, sum(delta) FROM (
                    SELECT i."Visibility"::text AS visibility, i."OsHidden" AS hidden, f.facet, f.value, d.delta
                    FROM (SELECT was AS row, -1 AS delta UNION ALL SELECT now, 1) AS d
                    CROSS JOIN LATERAL (SELECT (d.row).*) AS i
                    CROSS JOIN LATERAL (VALUES ('visibility', i."Visibility"::text), ('status', i."Status"::text),
                                               ('disk_format', coalesce(i."DiskFormat", '')), ('owner', coalesce(i."Owner", '')),
                                               ('os_distro', coalesce(i."OsDistro", ''))) AS f(facet, value)
                    WHERE i."Id" IS NOT NULL AND NOT i."Deleted" AND i."Status" <> 'killed'
                  ) AS changes
                  GROUP BY visibility, hidden, facet, value
                  HAVING sum(delta) <> 0
                  ORDER BY visibility, hidden, facet, value
                  ON CONFLICT ("Visibility", "OsHidden", "Facet", "Value")
                    DO UPDATE SET "Count" = image_facet_counts."Count" + excluded."Count";
                $$;
                CREATE FUNCTION glance_images_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    PERFORM glance_facet_apply(NULL::images, NEW);
                  ELSIF TG_OP = 'DELETE' THEN
                    PERFORM glance_facet_apply(OLD, NULL::images);
                  ELSE
                    PERFORM glance_facet_apply(OLD, NEW);
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER images_facet_counts AFTER INSERT OR DELETE ON images
                  FOR EACH ROW EXECUTE FUNCTION glance_images_after_write();
                CREATE TRIGGER images_facet_counts_update AFTER UPDATE ON images
                  FOR EACH ROW WHEN (OLD."Visibility" IS DISTINCT FROM NEW."Visibility" OR OLD."OsHidden" IS DISTINCT FROM NEW."OsHidden"
                    OR OLD."Status" IS DISTINCT FROM NEW."Status" OR OLD."DiskFormat" IS DISTINCT FROM NEW."DiskFormat"
                    OR OLD."Owner" IS DISTINCT FROM NEW."Owner" OR OLD."OsDistro" IS DISTINCT FROM NEW."OsDistro"
                    OR OLD."Deleted" IS DISTINCT FROM NEW."Deleted")
                  EXECUTE FUNCTION glance_images_after_write();
                """);

            // A tag filter in the default order walks (Value, ImageCreatedAt, ImageId) newest first.
            migrationBuilder.Sql("""
                CREATE FUNCTION glance_tags_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW."ImageCreatedAt" := (SELECT i."CreatedAt" FROM images AS i WHERE i."Id" = NEW."ImageId");
                  RETURN NEW;
                END $$;
                CREATE TRIGGER image_tags_created_at BEFORE INSERT ON image_tags
                  FOR EACH ROW EXECUTE FUNCTION glance_tags_before_insert();
                """);

            // The search's LIKE '%word%' on the whole catalog, and on each open visibility's candidates
            // (a count of common words within public images reads only those); names by their lower case;
            // property values by hash, for the filters' equality (a value may be longer than a btree holds).
            migrationBuilder.Sql("""
                CREATE INDEX "IX_images_SearchText_Trgm" ON images USING gin ("SearchText" gin_trgm_ops);
                CREATE INDEX "IX_images_SearchText_Public" ON images USING gin ("SearchText" gin_trgm_ops)
                  WHERE "Visibility" = 'public' AND NOT "Deleted" AND "Status" <> 'killed';
                CREATE INDEX "IX_images_SearchText_Community" ON images USING gin ("SearchText" gin_trgm_ops)
                  WHERE "Visibility" = 'community' AND NOT "Deleted" AND "Status" <> 'killed';
                CREATE INDEX "IX_images_Name_Lower" ON images (lower("Name"));
                CREATE INDEX "IX_image_properties_Value_Hash" ON image_properties USING hash ("Value");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_image_properties_Value_Hash";
                DROP INDEX IF EXISTS "IX_images_Name_Lower";
                DROP INDEX IF EXISTS "IX_images_SearchText_Community";
                DROP INDEX IF EXISTS "IX_images_SearchText_Public";
                DROP INDEX IF EXISTS "IX_images_SearchText_Trgm";
                DROP TRIGGER IF EXISTS image_tags_created_at ON image_tags;
                DROP TRIGGER IF EXISTS images_facet_counts_update ON images;
                DROP TRIGGER IF EXISTS images_facet_counts ON images;
                DROP TRIGGER IF EXISTS image_properties_derived ON image_properties;
                DROP TRIGGER IF EXISTS images_search_text ON images;
                DROP FUNCTION IF EXISTS glance_tags_before_insert();
                DROP FUNCTION IF EXISTS glance_images_after_write();
                DROP FUNCTION IF EXISTS glance_facet_apply(images, images);
                DROP FUNCTION IF EXISTS glance_properties_after_write();
                DROP FUNCTION IF EXISTS glance_derived_data_lock();
                DROP FUNCTION IF EXISTS glance_images_before_write();
                DROP FUNCTION IF EXISTS glance_search_text(text, text);
                """);
        }
    }
}
