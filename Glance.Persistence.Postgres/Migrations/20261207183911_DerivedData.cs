using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Postgres.Migrations
{
    /// <summary>
    /// What the domain reads but never writes, kept by triggers as the SQLite adapter keeps it (the
    /// conformance tests hold both to the domain's definitions): the search text and os_distro copy on
    /// each image, the facet counters of the listable candidates, the property names, the tag rows'
    /// image creation time; and the pg_trgm indexes the search's LIKEs use.
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
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION glance_images_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW."SearchText" := glance_search_text(NEW."Name", NEW."Id");
                  RETURN NEW;
                END $$;
                CREATE TRIGGER images_search_text BEFORE INSERT OR UPDATE OF "Name" ON images
                  FOR EACH ROW EXECUTE FUNCTION glance_images_before_write();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION glance_properties_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  image_id text;
                BEGIN
                  IF TG_OP = 'DELETE' THEN image_id := OLD."ImageId"; ELSE image_id := NEW."ImageId"; END IF;
                  UPDATE images SET
                    "SearchText" = glance_search_text(images."Name", images."Id"),
                    "OsDistro" = (SELECT p."Value" FROM image_properties AS p WHERE p."ImageId" = images."Id" AND p."Name" = 'os_distro')
                  WHERE images."Id" = image_id;
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
            // deleted, not killed: CatalogAudience.IsCandidate).
            migrationBuilder.Sql("""
                CREATE FUNCTION glance_facet_count(r images, delta bigint) RETURNS void LANGUAGE sql AS $$
                  INSERT INTO image_facet_counts ("Visibility", "OsHidden", "Facet", "Value", "Count")
                  SELECT r."Visibility", r."OsHidden", f.facet, f.value, delta
                  FROM (VALUES ('visibility', r."Visibility"::text), ('status', r."Status"::text),
                               ('disk_format', coalesce(r."DiskFormat", '')), ('owner', coalesce(r."Owner", '')),
                               ('os_distro', coalesce(r."OsDistro", ''))) AS f(facet, value)
                  WHERE NOT r."Deleted" AND r."Status" <> 'killed'
                  ON CONFLICT ("Visibility", "OsHidden", "Facet", "Value")
                    DO UPDATE SET "Count" = image_facet_counts."Count" + excluded."Count";
                $$;
                CREATE FUNCTION glance_images_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM glance_facet_count(OLD, -1); END IF;
                  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM glance_facet_count(NEW, 1); END IF;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER images_facet_counts
                  AFTER INSERT OR DELETE OR UPDATE OF "Visibility", "OsHidden", "Status", "DiskFormat", "Owner", "OsDistro", "Deleted" ON images
                  FOR EACH ROW EXECUTE FUNCTION glance_images_after_write();
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
            // (a count of common words within public images reads only those); names by their lower case.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_images_SearchText_Trgm" ON images USING gin ("SearchText" gin_trgm_ops);
                CREATE INDEX "IX_images_SearchText_Public" ON images USING gin ("SearchText" gin_trgm_ops)
                  WHERE "Visibility" = 'public' AND NOT "Deleted" AND "Status" <> 'killed';
                CREATE INDEX "IX_images_SearchText_Community" ON images USING gin ("SearchText" gin_trgm_ops)
                  WHERE "Visibility" = 'community' AND NOT "Deleted" AND "Status" <> 'killed';
                CREATE INDEX "IX_images_Name_Lower" ON images (lower("Name"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_images_Name_Lower";
                DROP INDEX IF EXISTS "IX_images_SearchText_Community";
                DROP INDEX IF EXISTS "IX_images_SearchText_Public";
                DROP INDEX IF EXISTS "IX_images_SearchText_Trgm";
                DROP TRIGGER IF EXISTS image_tags_created_at ON image_tags;
                DROP TRIGGER IF EXISTS images_facet_counts ON images;
                DROP TRIGGER IF EXISTS image_properties_derived ON image_properties;
                DROP TRIGGER IF EXISTS images_search_text ON images;
                DROP FUNCTION IF EXISTS glance_tags_before_insert();
                DROP FUNCTION IF EXISTS glance_images_after_write();
                DROP FUNCTION IF EXISTS glance_facet_count(images, bigint);
                DROP FUNCTION IF EXISTS glance_properties_after_write();
                DROP FUNCTION IF EXISTS glance_images_before_write();
                DROP FUNCTION IF EXISTS glance_search_text(text, text);
                """);
        }
    }
}
