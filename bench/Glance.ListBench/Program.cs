using System.Diagnostics;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain;
using Glance.ListBench;
using Glance.Persistence.Postgres;
using Glance.Persistence.Sqlite;
using Glance.Stores.FileSystem;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Latency of the image list at scale: seeds a synthetic catalog once (kept between runs), then times
// each of the issue's list scenarios through the domain's ImageService, the code behind both the API
// and the portal. Usage: dotnet run -c Release --project bench/Glance.ListBench -- [images] [iterations]
var count = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var iterations = args.Length > 1 ? int.Parse(args[1]) : 50;
// GLANCE_LISTBENCH_POSTGRES=<server connection string> runs on PostgreSQL (database glance_listbench_N) instead of SQLite.
var postgres = Environment.GetEnvironmentVariable("GLANCE_LISTBENCH_POSTGRES");
var folder = Environment.GetEnvironmentVariable("GLANCE_LISTBENCH_DIR") ?? $"/var/tmp/glance-listbench-{count}";
var database = Path.Combine(folder, "glance.db");
var connectionString = postgres is null ? $"Data Source={database}" : $"{postgres};Database=glance_listbench_{count}";
if (postgres is null && !File.Exists(database))
{
    Directory.CreateDirectory(folder);
    await SqliteSeeder.SeedAsync(database, count);
}
else if (postgres is not null && !await PostgresCatalogExistsAsync(postgres, $"glance_listbench_{count}", count))
{
    await PostgresSeeder.SeedAsync(connectionString, count);
}

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Glance:DataDirectory"] = folder,
}).Build();
var collection = new ServiceCollection();
_ = postgres is null ? collection.AddGlanceSqlite() : collection.AddGlancePostgres(connectionString);
var services = collection
    .AddSingleton<IConfiguration>(configuration)
    // GLANCE_LISTBENCH_SQL=1 prints every statement the scenarios run (to read their query plans).
    .AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
        .AddFilter("Microsoft.EntityFrameworkCore.Database.Command",
            Environment.GetEnvironmentVariable("GLANCE_LISTBENCH_SQL") == "1" ? LogLevel.Information : LogLevel.Warning))
    .AddGlanceDomain()
    .AddGlanceFileSystemStore()
    .BuildServiceProvider();
// The schema as the current migrations have it (also for a catalog seeded by an older build), and the
// planner statistics as the portal's start-up leaves them (a freshly seeded SQLite catalog has none).
await using (var db = await services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Glance.Domain.Persistence.GlanceDbContext>>().CreateDbContextAsync())
{
    var engine = services.GetRequiredService<Glance.Domain.Persistence.IDatabaseEngine>();
    await engine.MigrateAsync(db, CancellationToken.None);
    var watch = Stopwatch.StartNew();
    await engine.PrepareAsync(db, CancellationToken.None);
    Console.WriteLine($"Prepared the catalog (planner statistics) in {watch.Elapsed.TotalMilliseconds:F0} ms");
}
var images = services.GetRequiredService<ImageService>();
var member = new CallerContext("bench-user", "project-007", ["member", "reader"]);

IReadOnlyList<KeyValuePair<string, string>> P(params (string Key, string Value)[] pairs) =>
    pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)).ToList();

var middle = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(count / 2);
var scenarios = new List<(string Name, IReadOnlyList<KeyValuePair<string, string>> Query)>
{
    ("default list for a member", P()),
    ("visibility=public", P(("visibility", "public"))),
    ("custom property os_distro=fedora", P(("os_distro", "fedora"))),
    ("size_min=1 GiB & size_max=2 GiB", P(("size_min", (1L << 30).ToString()), ("size_max", (2L << 30).ToString()))),
    ("created_at=gt:(middle) & sort=created_at:desc", P(("created_at", "gt:" + middle.ToString("yyyy-MM-ddTHH:mm:ssZ")), ("sort", "created_at:desc"))),
    ("tag=tag-7", P(("tag", "tag-7"))),
};

// The marker of page 500 of the default list, found once by walking there.
string? marker = null;
for (var page = 1; page < 500; page++)
{
    var result = await images.ListAsync(member, ImageQueryParser.Parse(marker is null ? P() : P(("marker", marker))));
    if (result.Images.Count == 0)
    {
        break;
    }
    marker = result.Images[^1].Id;
}
if (marker is not null)
{
    scenarios.Add(("page 500 of the default list, by marker", P(("marker", marker))));
}

var searches = new List<(string Name, ImageQuery Query)>
{
    ("portal search \"fedora general\" (list)", new ImageQuery { Search = ImageSearch.Parse("fedora general") }),
    ("portal search \"fedora general\" (facets)", new ImageQuery { Search = ImageSearch.Parse("fedora general") }),
    // A selective search (a name fragment): the trigram index narrows it to a few hundred images.
    ("portal search \"ubuntu-42\" (list)", new ImageQuery { Search = ImageSearch.Parse("ubuntu-42") }),
    ("portal search \"ubuntu-42\" (facets)", new ImageQuery { Search = ImageSearch.Parse("ubuntu-42") }),
    // Beyond the issue's list: the same common words among community images, and the catalog's first
    // load, which counts facets with no search at all.
    ("portal search \"fedora general\" community (facets)", new ImageQuery { Search = ImageSearch.Parse("fedora general"), Visibility = ImageVisibility.Community }),
    ("portal catalog, no search (facets)", new ImageQuery()),
    ("admin: portal catalog, no search (facets)", new ImageQuery()),
    ("admin: portal search \"fedora general\" (facets)", new ImageQuery { Search = ImageSearch.Parse("fedora general") }),
};
var admin = new CallerContext("bench-admin", "project-000", ["admin", "member", "reader"]);

Console.WriteLine($"{count:N0} images, {iterations} timed runs per scenario after 5 warm-up runs (ImageService.ListAsync, limit 25)");
Console.WriteLine($"{"scenario",-50} {"p50 ms",8} {"p95 ms",8} {"rows",5}");
// GLANCE_LISTBENCH_ONLY=word times only the scenarios whose name contains it.
var only = Environment.GetEnvironmentVariable("GLANCE_LISTBENCH_ONLY");
foreach (var (name, parameters) in scenarios.Where(s => only is null || s.Name.Contains(only, StringComparison.Ordinal)))
{
    var query = ImageQueryParser.Parse(parameters);
    var rows = 0;
    for (var i = 0; i < 5; i++)
    {
        rows = (await images.ListAsync(member, query)).Images.Count;
    }
    var timings = new List<double>();
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        await images.ListAsync(member, query);
        timings.Add(watch.Elapsed.TotalMilliseconds);
    }
    timings.Sort();
    Console.WriteLine($"{name,-50} {Percentile(timings, 50),8:F1} {Percentile(timings, 95),8:F1} {rows,5}");
}

foreach (var (name, query) in searches.Where(s => only is null || s.Name.Contains(only, StringComparison.Ordinal)))
{
    var facets = name.EndsWith("(facets)", StringComparison.Ordinal);
    var caller = name.StartsWith("admin:", StringComparison.Ordinal) ? admin : member;
    var rows = 0;
    for (var i = 0; i < 3; i++)
    {
        rows = facets ? (await images.FacetsAsync(caller, query)).Total : (await images.ListAsync(caller, query)).Images.Count;
    }
    var timings = new List<double>();
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        _ = facets ? (object)await images.FacetsAsync(caller, query) : await images.ListAsync(caller, query);
        timings.Add(watch.Elapsed.TotalMilliseconds);
    }
    timings.Sort();
    Console.WriteLine($"{name,-50} {Percentile(timings, 50),8:F1} {Percentile(timings, 95),8:F1} {rows,5}");
}

// A database seeded to the end holds the catalog's images; one an interrupted seeding left is dropped.
static async Task<bool> PostgresCatalogExistsAsync(string server, string name, int count)
{
    await using var connection = new Npgsql.NpgsqlConnection($"{server};Database=postgres");
    await connection.OpenAsync();
    await using var exists = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
    if ((long)(await exists.ExecuteScalarAsync())! == 0)
    {
        return false;
    }
    await using (var catalog = new Npgsql.NpgsqlConnection($"{server};Database={name};Pooling=false"))
    {
        await catalog.OpenAsync();
        await using var images = new Npgsql.NpgsqlCommand("SELECT count(*) FROM images", catalog);
        try
        {
            if ((long)(await images.ExecuteScalarAsync())! == count)
            {
                return true;
            }
        }
        catch (Npgsql.PostgresException)
        {
            // No images table: the seeding stopped before its migrations.
        }
    }
    Console.WriteLine($"Dropping {name}, which an interrupted seeding left");
    await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
    await drop.ExecuteNonQueryAsync();
    return false;
}

static double Percentile(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
