using Roundtable.Web.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Tests.Domain.People;

public class PeopleInputTests
{
    private static readonly PersonChoices Choices = new(
        [new ChoiceOption(1, "NPQH Autumn")], [new ChoiceOption(5, "Example Primary", 123456)], [new TutorChoice("t1", "Tia Tutor")]);

    private static PersonInput Person(params string[] roles) => new() { FullName = " Dana Double ", Email = "dana@test.example", Roles = [.. roles] };

    [Fact]
    public void Person_ADelegateWithACohortAndBirthday_IsTrimmedAndChecked()
    {
        var input = Person(Roles.Delegate, Roles.Delegate);
        input.CohortId = 1;
        input.SchoolId = 5;
        input.TutorId = "t1";
        input.BirthdayDay = "29";
        input.BirthdayMonth = "2";

        var person = input.Check(Choices, editingSelf: false);

        Assert.True(person.Succeeded);
        Assert.Equal("Dana Double", person.Value.FullName);
        Assert.Equal([Roles.Delegate], person.Value.Roles);
        Assert.Equal(new Birthday(29, 2), person.Value.Birthday);
    }

    [Fact]
    public void Person_EveryWrongFieldIsReported_OnTheInputsOwnPropertyNames()
    {
        var input = new PersonInput { FullName = " ", Email = "not-an-address", Roles = [Roles.Delegate, "SuperAdmin"], SchoolId = 99, TutorId = "nobody", BirthdayDay = "31", BirthdayMonth = "4" };

        var failure = input.Check(Choices, editingSelf: false).Failure!;

        Assert.Equal(["FullName", "Email", "Roles", "CohortId", "SchoolId", "TutorId", "BirthdayDay"], failure.Errors.Select(e => e.Field));
        Assert.Contains(new FieldError("Roles", "Choose roles from the list"), failure.Errors);
        Assert.Contains(new FieldError("BirthdayDay", "Birthday must be a real day and month, like 14 3"), failure.Errors);
    }

    [Fact]
    public void Person_TheTeamCannotRemoveTheirOwnTeamRole()
    {
        var failure = Person(Roles.Tutor).Check(Choices, editingSelf: true).Failure!;

        Assert.Equal(new FieldError("Roles", "You cannot remove your own programme team role"), failure.Errors.Single());
        Assert.True(Person(Roles.Tutor).Check(Choices, editingSelf: false).Succeeded);
    }

    [Fact]
    public void School_ABadUrnAndMissingChoices_AreExplained()
    {
        var failure = new SchoolInput { Name = "X", Urn = "12ab", NumberOnRoll = "lots" }.Check().Failure!;

        Assert.Equal(
            [
                new FieldError("Urn", "Enter a URN of six digits, like 123456"),
                new FieldError("Phase", "Choose the school's phase"),
                new FieldError("SettingType", "Choose the school's setting type"),
                new FieldError("Region", "Choose the school's region"),
                new FieldError("NumberOnRoll", "Enter the number on roll as a whole number"),
            ],
            failure.Errors);
    }

    [Fact]
    public void School_AFullForm_GivesTheDetails()
    {
        var school = new SchoolInput { Name = " Example Primary ", Urn = "123456", Phase = SchoolPhase.Primary, SettingType = SettingType.Academy, Region = Region.London, NumberOnRoll = "420" }.Check();

        Assert.Equal(new SchoolDetails("Example Primary", 123456, SchoolPhase.Primary, SettingType.Academy, Region.London, 420), school.Value);
        Assert.Equal("Enter a number on roll between 0 and 10,000",
            new SchoolInput { Name = "X", Urn = "123456", Phase = SchoolPhase.Primary, SettingType = SettingType.Academy, Region = Region.London, NumberOnRoll = "10001" }.Check().Failure!.Message);
    }

    [Fact]
    public void Programme_CodeIsUpperCased_AndAreasAreDistinctIgnoringCase()
    {
        var programme = new ProgrammeInput { Code = "npqh", Name = "Headship", FrameworkAreas = "Leading change\nSchool culture\n leading change \n" }.Check(areaMaxLength: 200);

        Assert.Equal(("NPQH", "Headship"), (programme.Value!.Code, programme.Value.Name));
        Assert.Equal(["Leading change", "School culture"], programme.Value.FrameworkAreas);
        Assert.Equal(["Code", "FrameworkAreas"],
            new ProgrammeInput { Code = "NP QH", Name = "Headship", FrameworkAreas = " \n " }.Check(200).Failure!.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Cohort_NeedsAKnownProgrammeAndAName()
    {
        Assert.Equal(["ProgrammeId", "Name"], new CohortInput(9, "").Check([1, 2])!.Errors.Select(e => e.Field));
        Assert.Null(new CohortInput(1, "NPQH Spring 2027").Check([1, 2]));
    }

    [Fact]
    public void Passwords_MustBeLongEnoughAndMatch()
    {
        Assert.Equal(
            [new FieldError("Password", "Enter a password of at least 10 characters"), new FieldError("Confirm", "The passwords do not match")],
            new SetPasswordInput { Password = "short", Confirm = "different" }.Check()!.Errors);
        Assert.Null(new SetPasswordInput { Password = "A-brand-new-pass", Confirm = "A-brand-new-pass" }.Check());
        Assert.Equal(["Email", "Password"], new SignInInput().Check()!.Errors.Select(e => e.Field));
        Assert.Equal("Enter an e-mail address in the correct format, like name@example.com", new ForgotPasswordInput { Email = "nobody" }.Check()!.Message);
    }
}
