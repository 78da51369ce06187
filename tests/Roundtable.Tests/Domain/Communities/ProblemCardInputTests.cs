using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure;

namespace Roundtable.Tests.Domain.Communities;

public class ProblemCardInputTests
{
    private static readonly string[] Areas = ["Teaching", "Organisational management"];

    private static ProblemCardInput Filled() => new()
    {
        Problem = " Pupils forget ", Evidence = "Results", Context = "New staff", Why = "Knowledge builds",
        FrameworkArea = "organisational MANAGEMENT", Specific = "yes", Solvable = "Unsure", Controllable = "no",
    };

    [Fact]
    public void Check_AFilledCard_GivesItsContentWithTheAreaSpeltAsTheProgrammeSpellsIt()
    {
        var content = Filled().Check(Areas);

        Assert.True(content.Succeeded);
        Assert.Equal("Pupils forget", content.Value.Problem);
        Assert.Equal("Organisational management", content.Value.FrameworkArea);
        Assert.Equal(new SuitabilityAnswers(SuitabilityAnswer.Yes, SuitabilityAnswer.Unsure, SuitabilityAnswer.No), content.Value.Answers);
    }

    [Fact]
    public void Check_MissingAndWrongFields_AreErrorsKeyedByTheInputsPropertyNames()
    {
        var input = Filled();
        input.Problem = "";
        input.Why = new string('w', ProblemCard.TextMaxLength + 1);
        input.FrameworkArea = "Astrology";
        input.Specific = "2";

        var failure = input.Check(Areas).Failure!;

        Assert.Equal(FailureKind.Invalid, failure.Kind);
        Assert.Equal(
            [
                new FieldError("Problem", "Enter the problem"),
                new FieldError("Why", "Write why it matters in 2,000 characters or fewer"),
                new FieldError("FrameworkArea", "Choose a framework area from the list"),
                new FieldError("Specific", "Answer yes, unsure or no for specific"),
            ],
            failure.Errors);
    }

    [Fact]
    public void Write_PutsTheContentOnTheCard_AndItsSuitabilityFollows()
    {
        var card = new ProblemCard();
        var now = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

        card.Write(Filled().Check(Areas).Value!, now);

        Assert.Equal("Organisational management", card.FrameworkArea);
        Assert.Equal(now, card.UpdatedAt);
        Assert.False(card.Suitability.Suitable);
        Assert.Equal(["solvable", "controllable"], card.Suitability.FailedTests);
        Assert.Equal("Yes", ProblemCardInput.From(card).Specific);
    }
}
