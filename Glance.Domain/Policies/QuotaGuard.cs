using Glance.Domain.Common;
using Glance.Domain.Configuration;
using Microsoft.Extensions.Options;

namespace Glance.Domain.Policies;

/// <summary>Glance's per-image quotas (413 when exceeded); a negative limit means none.</summary>
public sealed class QuotaGuard(IOptions<LimitsOptions> limits)
{
    public void EnsureTags(int count)
    {
        var quota = limits.Value.ImageTagQuota;
        if (quota >= 0 && count > quota)
        {
            throw new QuotaExceededException($"Maximum number of tags exceeded by {count - quota}");
        }
    }

    /// <summary>Counts custom properties as Glance does: its own <c>os_glance_*</c> keys are free.</summary>
    public void EnsureProperties(IEnumerable<string> names)
    {
        var quota = limits.Value.ImagePropertyQuota;
        var count = names.Count(n => !n.StartsWith("os_glance", StringComparison.Ordinal));
        if (quota >= 0 && count > quota)
        {
            throw new QuotaExceededException($"Maximum number of image properties exceeded by {count - quota}");
        }
    }

    /// <summary>Glance's <c>image_size_cap</c>.</summary>
    public void EnsureImageSize(long size)
    {
        var cap = limits.Value.ImageSizeCap;
        if (size > cap)
        {
            throw new QuotaExceededException($"Image exceeds the storage quota: the size cap is {cap} bytes.");
        }
    }
}
