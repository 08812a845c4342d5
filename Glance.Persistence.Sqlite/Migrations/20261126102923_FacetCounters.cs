using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FacetCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "image_facet_counts",
                columns: table => new
                {
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OsHidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    Facet = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_image_facet_counts", x => new { x.Visibility, x.OsHidden, x.Facet, x.Value });
                });

            // Every write of an image moves its five facet values between counters: minus one for the
            // row as it was, plus one for the row as it is, each only while the image is listable.
            migrationBuilder.Sql($"""
                CREATE TRIGGER image_facet_counts_insert AFTER INSERT ON images BEGIN
                {Count("new", +1)}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER image_facet_counts_update AFTER UPDATE OF Visibility, OsHidden, Status, DiskFormat, Owner, OsDistro, Deleted ON images BEGIN
                {Count("old", -1)}
                {Count("new", +1)}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER image_facet_counts_delete AFTER DELETE ON images BEGIN
                {Count("old", -1)}
                END;
                """);
            foreach (var (facet, value) in Facets)
            {
                migrationBuilder.Sql($"""
                    INSERT INTO image_facet_counts (Visibility, OsHidden, Facet, Value, Count)
                      SELECT Visibility, OsHidden, '{facet}', {value("images")}, count(*) FROM images
                      WHERE Deleted = 0 AND Status <> 'killed'
                      GROUP BY Visibility, OsHidden, {value("images")};
                    """);
            }
        }

        private static readonly (string Facet, Func<string, string> Value)[] Facets =
        [
            ("visibility", row => $"{row}.Visibility"),
            ("status", row => $"{row}.Status"),
            ("disk_format", row => $"coalesce({row}.DiskFormat, '')"),
            ("owner", row => $"coalesce({row}.Owner, '')"),
            ("os_distro", row => $"coalesce({row}.OsDistro, '')"),
        ];

        /// <summary>Statements adding <paramref name="delta"/> to each facet counter of a trigger's old or new row.</summary>
        private static string Count(string row, int delta) => string.Join("\n", Facets.Select(f => $"""
            INSERT INTO image_facet_counts (Visibility, OsHidden, Facet, Value, Count)
              SELECT {row}.Visibility, {row}.OsHidden, '{f.Facet}', {f.Value(row)}, {delta}
              WHERE {row}.Deleted = 0 AND {row}.Status <> 'killed'
              ON CONFLICT (Visibility, OsHidden, Facet, Value) DO UPDATE SET Count = Count + excluded.Count;
            """));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "insert", "update", "delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS image_facet_counts_{trigger};");
            }
            migrationBuilder.DropTable(
                name: "image_facet_counts");
        }
    }
}
