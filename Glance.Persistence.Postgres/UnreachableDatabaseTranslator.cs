using System.Data.Common;
using Glance.Domain.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Glance.Persistence.Postgres;

/// <summary>
/// A statement that cannot reach PostgreSQL (the server is down, restarting or out of connections) is
/// the service being unable to answer now: a 503 the client can retry, not a 500. A save that failed is
/// rolled back with its transaction, so no image is left half-written.
/// </summary>
internal sealed class UnreachableDatabaseTranslator : ISaveChangesInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
{
    public void SaveChangesFailed(DbContextErrorEventData eventData) => Translate(eventData.Exception);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Translate(eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Translate(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default)
    {
        Translate(eventData.Exception);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Translate(eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken ct = default)
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
            // Two transactions that each waited for the other (40P01), or a serialization failure
            // (40001): the request raced another; nothing was changed, and trying again works.
            if (inner is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                throw new ConflictException("The image was changed by another request at the same time; nothing was changed, try again.");
            }
            // A server error with a SQL state is the request's (a broken key, say); one without is the connection's.
            if (inner is NpgsqlException { IsTransient: true } or NpgsqlException { SqlState: null } and not PostgresException)
            {
                throw new StoreUnavailableException("The image database cannot be reached now. Nothing was changed; try again later.", exception);
            }
        }
    }
}
