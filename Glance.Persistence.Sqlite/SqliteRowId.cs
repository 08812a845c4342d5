using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Glance.Persistence.Sqlite;

/// <summary>
/// SQLite's implicit rowid of the images table, for queries only: the search index (image_search)
/// is keyed by it, so a search can match rows by rowid instead of reading each match's id first.
/// <c>RowId(i.Id)</c> translates to <c>"i"."rowid"</c>.
/// </summary>
internal static class SqliteRowId
{
    public static long RowId(string id) => throw new InvalidOperationException("Only for translation to SQL.");

    public static void Map(ModelBuilder modelBuilder) =>
        modelBuilder.HasDbFunction(typeof(SqliteRowId).GetMethod(nameof(RowId))!)
            .HasTranslation(arguments =>
            {
                var id = (ColumnExpression)arguments[0];
                return new ColumnExpression("rowid", id.TableAlias, typeof(long), null, nullable: false);
            });
}

/// <summary>The domain's model plus what only SQLite has: the rowid function.</summary>
internal sealed class SqliteModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        SqliteRowId.Map(modelBuilder);
    }
}
