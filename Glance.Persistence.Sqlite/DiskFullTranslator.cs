using Glance.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Glance.Persistence.Sqlite;

/// <summary>
/// A save or a query that SQLite cannot write (a full disk, a read-only file or folder; in WAL mode a
/// read may need to grow the shared-memory file too) is the service being unable to store anything
/// now, a 503 the client can retry later, not a fault in the request or a 500; a refused change is
/// rolled back with its transaction, so the image stays as it was.
/// </summary>
internal sealed class DiskFullTranslator : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Translate(eventData.Exception);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Translate(eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(System.Data.Common.DbCommand command, CommandErrorEventData eventData) => Translate(eventData.Exception);

    public Task CommandFailedAsync(System.Data.Common.DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default)
    {
        Translate(eventData.Exception);
        return Task.CompletedTask;
    }

    // Beginning or committing a transaction of the domain's own (an edit takes the image's row first).
    public void TransactionFailed(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData) => Translate(eventData.Exception);

    public Task TransactionFailedAsync(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken ct = default)
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
