using Glance.Domain.ImageData;

namespace Glance.Portal.Tests.Domain.Images;

public sealed class ByteRangeTests
{
    [Theory]
    [InlineData(0L, 9L, 100L, 0L, 10L)]
    [InlineData(90L, null, 100L, 90L, 10L)]
    [InlineData(90L, 500L, 100L, 90L, 10L)]
    [InlineData(null, 5L, 100L, 95L, 5L)]
    [InlineData(null, 500L, 100L, 0L, 100L)]
    public void Resolves_within_the_data(long? start, long? end, long size, long offset, long length)
    {
        Assert.Equal((offset, length), new ByteRange(start, end).Resolve(size));
    }

    [Theory]
    [InlineData(100L, null, 100L)]
    [InlineData(5L, 2L, 100L)]
    [InlineData(null, 0L, 100L)]
    [InlineData(null, 5L, 0L)]
    public void Cannot_be_satisfied_outside_the_data(long? start, long? end, long size)
    {
        Assert.Null(new ByteRange(start, end).Resolve(size));
    }
}
