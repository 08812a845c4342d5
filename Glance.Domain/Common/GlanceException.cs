namespace Glance.Domain.Common;

/// <summary>
/// Base of every refusal the domain gives. The API maps each subtype to Glance's status code in one
/// place; the portal shows <see cref="Exception.Message"/> to the person.
/// </summary>
public abstract class GlanceException(string message) : Exception(message);

/// <summary>The thing does not exist, or the caller may not know that it does (Glance answers 404 for both).</summary>
public sealed class NotFoundException(string message) : GlanceException(message);

/// <summary>The caller can see the thing but may not do this to it (403).</summary>
public sealed class ForbiddenException(string message, string? rule = null) : GlanceException(message)
{
    /// <summary>The policy rule that refused (<c>add_image</c>, <c>publicize_image</c>, …), when a rule did.</summary>
    public string? Rule { get; } = rule;
}

/// <summary>The request is malformed or a value is out of its allowed range (400).</summary>
public sealed class ValidationException(string message) : GlanceException(message);

/// <summary>The request clashes with the current state: a duplicate, or an image busy elsewhere (409).</summary>
public sealed class ConflictException(string message) : GlanceException(message);

/// <summary>A quota or size cap would be exceeded (413).</summary>
public sealed class QuotaExceededException(string message) : GlanceException(message);

/// <summary>The image went away while an operation on it was running (410).</summary>
public sealed class GoneException(string message) : GlanceException(message);

/// <summary>
/// A status change the image's state machine does not allow. Glance reports it as 400 for most
/// operations and 409 for uploads, so the endpoint decides.
/// </summary>
public sealed class InvalidTransitionException(string message) : GlanceException(message);

/// <summary>The backing store cannot take the data now (503).</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : GlanceException(message)
{
    public Exception? Cause { get; } = inner;
}

/// <summary>A byte range outside the data (416).</summary>
public sealed class RangeNotSatisfiableException(string message, long? size = null) : GlanceException(message)
{
    /// <summary>The data's size, when known, for the <c>Content-Range: bytes */size</c> answer.</summary>
    public long? Size { get; } = size;
}

/// <summary>The client stopped sending an upload before it was complete (408).</summary>
public sealed class UploadStalledException(string message) : GlanceException(message);
