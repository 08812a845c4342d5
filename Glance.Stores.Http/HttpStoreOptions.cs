namespace Glance.Stores.Http;

/// <summary>
/// An http store: <c>Glance:Stores:Backends:{id}</c> with <c>Type</c> <c>http</c>. It reads image data
/// that lives on web servers, at the URLs recorded as the images' locations, and never writes or
/// deletes. Glance's <c>https_insecure</c> defaults to skipping certificate checks; here they are
/// checked unless <see cref="Insecure"/> says otherwise.
/// </summary>
public sealed class HttpStoreOptions
{
    /// <summary>Accept any certificate from https servers (Glance's <c>https_insecure</c>), unless <see cref="CaCertificatesFile"/> names authorities.</summary>
    public bool Insecure { get; set; }

    /// <summary>A PEM file of the certificate authorities https servers are checked against, instead of the system's (Glance's <c>https_ca_certificates_file</c>).</summary>
    public string? CaCertificatesFile { get; set; }

    /// <summary>A proxy every request goes through, e.g. <c>http://proxy.example:3128</c> (Glance's <c>http_proxy_information</c>).</summary>
    public string? Proxy { get; set; }
}
