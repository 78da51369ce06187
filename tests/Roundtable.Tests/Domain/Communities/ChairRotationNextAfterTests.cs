using Roundtable.Web.Communities;
using Roundtable.Web.People;

namespace Roundtable.Tests.Domain.Communities;

public class ChairRotationNextAfterTests
{
    [Fact]
    public void NextAfter_ResumesAfterTheChairOfTheSessionBeingRecorded()
    {
        var order = ChairRotation.ProposeNext(
            [new("a", "Ada", new Birthday(1, 1)), new("b", "Bo", new Birthday(1, 2)), new("c", "Cy", new Birthday(1, 3))], []).Order;

        // Bo chairs the first session out of turn: Cy is next, then Ada.
        Assert.Equal("c", ChairRotation.NextAfter(order, "b"));
        Assert.Equal("b", ChairRotation.NextAfter(order, "a"));
    }
}
