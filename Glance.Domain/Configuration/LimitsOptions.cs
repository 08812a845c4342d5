namespace Glance.Domain.Configuration;

/// <summary>The <c>Glance:Limits</c> section, with Glance's defaults.</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Glance:Limits";

    /// <summary>Glance's <c>limit_param_default</c>: page size when a list names none.</summary>
    public int LimitParamDefault { get; set; } = 25;

    /// <summary>Glance's <c>api_limit_max</c>: the largest page a list returns.</summary>
    public int ApiLimitMax { get; set; } = 1000;

    /// <summary>Glance's <c>image_property_quota</c>; a negative value means no limit.</summary>
    public int ImagePropertyQuota { get; set; } = 128;

    /// <summary>Glance's <c>image_tag_quota</c>; a negative value means no limit.</summary>
    public int ImageTagQuota { get; set; } = 128;

    /// <summary>Glance's <c>image_member_quota</c>; a negative value means no limit.</summary>
    public int ImageMemberQuota { get; set; } = 128;

    /// <summary>Glance's <c>image_size_cap</c> in bytes (1 TiB).</summary>
    public long ImageSizeCap { get; set; } = 1L << 40;

    /// <summary>How long an upload may go without a byte arriving before it is stopped and the image is queued again.</summary>
    public TimeSpan UploadIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
