using Glance.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Glance.Domain.Persistence;

/// <summary>
/// A save that SQLite cannot write (a full disk, a read-only file or folder) is the service being
/// unable to store anything now, a 503 the client can retry later, not a fault in the request or a 500;
/// the refused change is rolled back with its transaction, so the image stays as it was.
/// </summary>
internal sealed class DiskFullTranslator : SaveChangesInterceptor
{
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Translate(eventData.Exception);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Translate(eventData.Exception);
        return Task.CompletedTask;
    }

    private static void Translate(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SqliteException { SqliteErrorCode: SqliteFull or SqliteReadOnly or SqliteIoError } sqlite)
            {
                var reason = sqlite.SqliteErrorCode == SqliteFull ? "its disk is full" : "it cannot write its files";
                throw new StoreUnavailableException($"The image database cannot save changes now: {reason}. Nothing was changed; try again later.", exception);
            }
        }
    }
}
