using System.Text;
using Microsoft.AspNetCore.Http;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Projects;
using static Roundtable.Tests.Domain.Projects.ProjectTestData;

namespace Roundtable.Tests.Domain.Projects;

// What a delegate and the programme team record about the projects, checked without a host.
public class ProjectRecordRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = D(2026, 11, 23);

    private static Project1Input Project1(DateOnly? start = null, DateOnly? end = null, string? rationale = null) =>
        new(rationale, null, null, null, start, end, null, null, null, null);

    private static Project2Input Project2(string? urn = null, string? phase = null, string? name = null) =>
        new(name, urn, phase, null, null, null, null, null, null, null, null);

    private static FormFile File(string name, string content) =>
        new FormFile(new MemoryStream(Encoding.UTF8.GetBytes(content)), 0, Encoding.UTF8.GetByteCount(content), "Upload", name);

    [Fact]
    public void Project1_EndsAfterItStarts_AndKeepsTrimmedText()
    {
        var project = new Project1 { ParticipantId = 1 };

        var failure = project.Update(Project1(D(2026, 9, 7), D(2026, 9, 7), "Reading"), Now);

        Assert.Equal([new FieldError(nameof(Project1Input.PlannedEnd), "The planned end date must be after the start date")], failure!.Errors);
        Assert.Null(project.Rationale);
        Assert.Null(project.Update(Project1(D(2026, 9, 7), D(2027, 4, 30), "  Reading for all  "), Now));
        Assert.Equal(("Reading for all", D(2027, 4, 30), Now), (project.Rationale, project.PlannedEnd!.Value, project.UpdatedAt));
        Assert.Equal("The rationale and focus must be 5,000 characters or fewer",
            Web.Projects.Project1.Check(Project1(rationale: new string('a', 5001)))?.Message);
    }

    [Fact]
    public void Project2_UrnAndPhase_MustBeReal()
    {
        var project = new Project2 { ParticipantId = 1 };

        var failure = project.Update(Project2(urn: "12345", phase: "Nursery school"), Now);

        Assert.Equal(
        [
            new FieldError(nameof(Project2Input.PlacementSchoolUrn), "The URN must be 6 digits, like 123456"),
            new FieldError(nameof(Project2Input.PlacementSchoolPhase), "Choose the phase from the list"),
        ], failure!.Errors);
        Assert.Null(project.Update(Project2(urn: " 123456 ", phase: nameof(SchoolPhase.Secondary), name: "Hill School"), Now));
        Assert.Equal((123456, SchoolPhase.Secondary, "Hill School"), (project.PlacementSchoolUrn!.Value, project.PlacementSchoolPhase!.Value, project.PlacementSchoolName));
    }

    [Fact]
    public void LogDay_TodayOrEarlier_Once_AndAtMostSixtyDays()
    {
        var project = new Project2 { PlacementDays = [new PlacementDay { Date = D(2026, 10, 5) }] };
        var full = new Project2 { PlacementDays = [.. Enumerable.Range(0, Web.Projects.Project2.MaxLoggedDays).Select(i => new PlacementDay { Date = D(2026, 1, 1).AddDays(i) })] };

        Assert.Equal("The date of the placement day must be today or in the past", project.LogDay(new(Today.AddDays(1), "Plan"), Today, Now).Failure?.Message);
        Assert.Equal("You have already logged Monday 5 October 2026", project.LogDay(new(D(2026, 10, 5), "Again"), Today, Now).Failure?.Message);
        Assert.Equal("You can log at most 60 days", full.LogDay(new(Today, "One more"), Today, Now).Failure?.Message);
        Assert.Equal(
            [nameof(PlacementDayInput.Activity), nameof(PlacementDayInput.Date)],
            project.LogDay(new(null, " "), Today, Now).Failure!.Errors.Select(e => e.Field));

        var logged = project.LogDay(new(Today, "  Budget meeting "), Today, Now);

        Assert.Equal((Today, "Budget meeting"), (logged.Value!.Date, logged.Value.Activity));
        Assert.Equal((2, Now), (project.PlacementDays.Count, project.UpdatedAt));
    }

    [Fact]
    public void PlacementDayCheck_LeavesTheDateToTheFormThatCouldNotReadIt()
    {
        Assert.Equal([new FieldError(nameof(PlacementDayInput.Activity), "Enter what you did that day")], PlacementDay.Check(new(null, ""))!.Errors);
        Assert.Null(PlacementDay.Check(new(null, "Shadowed the head")));
    }

    [Fact]
    public void RecordClosure_OncePerDay()
    {
        var project = new Project2 { ClosureDays = [new ClosureDay { Date = D(2026, 10, 9) }] };

        Assert.Equal("Friday 9 October 2026 is already recorded as a closure day", project.RecordClosure(new(D(2026, 10, 9), "Training"), Now).Failure?.Message);
        Assert.Equal("Enter why the school was closed", project.RecordClosure(new(D(2026, 10, 12), null), Now).Failure?.Message);
        Assert.True(project.RecordClosure(new(D(2026, 10, 12), "Training day"), Now).Succeeded);
        Assert.Equal(2, project.ClosureDays.Count);
    }

    [Theory]
    [InlineData("Ict", "2027", "Laptops", "12.345", nameof(BudgetLineInput.Amount), "Enter the amount in pounds, like 1,250 or 1250.50, with a minus sign for a saving")]
    [InlineData("Ict", "2027", "Laptops", "0", nameof(BudgetLineInput.Amount), "Enter an amount other than zero")]
    [InlineData("Ict", "2035", "Laptops", "100", nameof(BudgetLineInput.Year), "Choose a budget year from the list")]
    [InlineData("Spaceships", "2027", "Laptops", "100", nameof(BudgetLineInput.Category), "Choose a category from the list")]
    [InlineData("", "2027", "Laptops", "100", nameof(BudgetLineInput.Category), "Choose a category")]
    [InlineData("Ict", "2027", "", "100", nameof(BudgetLineInput.Description), "Enter what the money is for")]
    public void AddBudgetLine_ExplainsWhatIsWrong(string category, string year, string description, string amount, string field, string message)
    {
        var project = new Project2();

        var failure = project.AddBudgetLine(new(category, year, description, amount), Today, Now).Failure;

        Assert.Equal([new FieldError(field, message)], failure!.Errors);
        Assert.Empty(project.BudgetLines);
    }

    [Fact]
    public void AddBudgetLine_ASavingInAYearOnOffer_AndNoMoreThanAHundredLines()
    {
        var project = new Project2();
        var full = new Project2 { BudgetLines = [.. Enumerable.Range(0, Web.Projects.Project2.MaxBudgetLines).Select(_ => new BudgetLine { Year = 2026 })] };

        var line = project.AddBudgetLine(new("TeachingStaff", "2027", "Mixed-age classes", "-31,000.50"), Today, Now).Value!;

        Assert.Equal((BudgetCategory.TeachingStaff, 2027, -3_100_050L), (line.Category, line.Year, line.AmountPence));
        Assert.Equal("A budget can have at most 100 lines", full.AddBudgetLine(new("Ict", "2027", "Laptops", "100"), Today, Now).Failure?.Message);
    }

    [Fact]
    public void BudgetYears_RunFromLastSchoolYearToFourAhead_AndKeepYearsInUse()
    {
        Assert.Equal([2025, 2026, 2027, 2028, 2029, 2030], BudgetLine.YearOptions(D(2026, 11, 23), []));
        Assert.Equal([2024, 2025, 2026, 2027, 2028, 2029, 2031], BudgetLine.YearOptions(D(2026, 8, 31), [2031, 2026]));
    }

    [Fact]
    public void Override_OneRequirementAtATime_WithAReason()
    {
        RequirementOverride[] inForce = [new() { Project = 2, Key = RequirementKeys.PlacementDays }];
        var choice = RequirementOverride.ChoiceValue(2, RequirementKeys.PlacementDays);

        Assert.Equal(RequirementOverride.AlreadyOverridden, RequirementOverride.Create(1, new(choice, "Flood"), inForce, "t", "Pat", Now).Failure?.Message);
        Assert.Equal("Choose a requirement from the list", RequirementOverride.Create(1, new("2:two-terms", "Flood"), [], "t", "Pat", Now).Failure?.Message);
        Assert.Equal("Enter the reason for the override", RequirementOverride.Create(1, new(choice, " "), [], "t", "Pat", Now).Failure?.Message);

        var created = RequirementOverride.Create(1, new(choice, " The school flooded. "), [], "t", "Pat", Now).Value!;

        Assert.Equal((2, RequirementKeys.PlacementDays, "The school flooded.", "Pat"), (created.Project, created.Key, created.Reason, created.CreatedByName));
        Assert.Null(created.Withdraw("Sam", Now));
        Assert.Equal(FailureKind.Conflict, created.Withdraw("Sam", Now)?.Kind);
    }

    [Fact]
    public void Criterion_NeedsACodeAndText_AndCanOnlyBeDeletedUnused()
    {
        // Project 3 is the case-study response, which has criteria of its own; 4 is no project.
        var read = AssessmentCriterion.Read(new CriterionInput("4", "", "Sets a target", "first"), fixedProject: null);
        var caseStudy = AssessmentCriterion.Read(new CriterionInput("3", "CS1", "Analyses the evidence", ""), fixedProject: null).Value!;
        var kept = AssessmentCriterion.Read(new CriterionInput("2", " 1.1 ", "Sets a target", ""), fixedProject: 1).Value!;
        var criterion = new AssessmentCriterion { Code = "1.1" };

        Assert.Equal([nameof(CriterionInput.Project), nameof(CriterionInput.Code), nameof(CriterionInput.Position)], read.Failure!.Errors.Select(e => e.Field));
        Assert.Equal(new CriterionFields(1, "1.1", "Sets a target", null), kept);
        Assert.Equal(new CriterionFields(ProjectNumbers.CaseStudy, "CS1", "Analyses the evidence", null), caseStudy);
        Assert.Null(criterion.CheckDeletable(0));
        Assert.StartsWith("Criterion 1.1 cannot be deleted: it is used by 2 judgements or documents.", criterion.CheckDeletable(2)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exemplar_NeedsAProjectATitleASummaryAPhaseAndAnAllowedFile()
    {
        var missing = Exemplar.Read(new ExemplarInput(null, "Exemplar 1", null, null));
        var wrongType = Exemplar.Read(new ExemplarInput("1", "Exemplar 1", "Primary", File("run.sh", "echo"), "Primary"));
        var wrongPhase = Exemplar.Read(new ExemplarInput("1", "Exemplar 1", "Primary", File("e.pdf", "%PDF"), "7"));

        Assert.Equal(["Choose the project", "Enter a short description", "Choose the phase of the school the exemplar comes from", "Select the exemplar's file"],
            missing.Failure!.Errors.Select(e => e.Message));
        Assert.Equal([nameof(ExemplarInput.Upload)], wrongType.Failure!.Errors.Select(e => e.Field));
        Assert.Equal([nameof(ExemplarInput.Phase)], wrongPhase.Failure!.Errors.Select(e => e.Field));
        Assert.Equal(new ExemplarFields(1, "Exemplar 1", "Primary", Roundtable.Web.People.SchoolPhase.Primary),
            Exemplar.Read(new ExemplarInput("1", " Exemplar 1", "Primary ", File("e.pdf", "%PDF"), "Primary")).Value);
    }

    [Fact]
    public void Term_NeedsAYearANameAndBothDates_InOrder()
    {
        var missing = SchoolTerm.Read(new TermInput("2030-31", "Autumn 2030", null, null));
        var backwards = SchoolTerm.Read(new TermInput("2030/31", "Autumn 2030", D(2030, 12, 19), D(2030, 9, 2)));

        Assert.Equal(["Enter the academic year like 2027/28", "Enter the first day of term", "Enter the last day of term"], missing.Failure!.Errors.Select(e => e.Message));
        Assert.Equal([nameof(TermInput.AcademicYear)], SchoolTerm.Check(new TermInput("2030-31", "Autumn 2030", null, null))!.Errors.Select(e => e.Field));
        Assert.Equal([nameof(TermInput.End)], backwards.Failure!.Errors.Select(e => e.Field));
        Assert.Equal(new TermPeriod("2030/31", "Autumn 2030", D(2030, 9, 2), D(2030, 12, 19)),
            SchoolTerm.Read(new TermInput(" 2030/31 ", "Autumn 2030 ", D(2030, 9, 2), D(2030, 12, 19))).Value);
    }

    [Fact]
    public void BankHolidayUpload_IsAJsonFile_AndEveryProblemInItIsListed()
    {
        var json = """{"england-and-wales": {"events": [{"title": "Good day", "date": "2027-02-30"}, {"date": "2027-03-01"}]}}""";

        Assert.Equal("Select a bank holiday file", BankHolidayFile.CheckUpload(new(null))?.Message);
        Assert.Equal("The selected file must be a JSON file, like bank-holidays.json from GOV.UK", BankHolidayFile.CheckUpload(new(File("holidays.csv", "a,b")))?.Message);
        Assert.Null(BankHolidayFile.CheckUpload(new(File("bank-holidays.json", json))));
        Assert.Equal(2, BankHolidayFile.Create("bank-holidays.json", json, "t", "Pat", Now).Failure!.Errors.Count);

        var file = BankHolidayFile.Create("/tmp/bank-holidays.json", """{"england-and-wales": {"events": [{"title": "New Year’s Day", "date": "2027-01-01"}]}}""", "t", "Pat", Now).Value!;

        Assert.Equal(("bank-holidays.json", 1, 2027, 2027), (file.FileName, file.Count, file.FirstYear, file.LastYear));
    }

    [Fact]
    public void ProjectReader_ReadsOwnProjects_TheirDelegatesOrAnyoneAsTheTeam()
    {
        var delegateReader = new ProjectReader("d1", IsDelegate: true, IsTutor: false, IsTeam: false);
        var tutor = new ProjectReader("t1", IsDelegate: false, IsTutor: true, IsTeam: false);
        var team = new ProjectReader("p1", IsDelegate: false, IsTutor: false, IsTeam: true);
        var theirs = new Participant { UserId = "d2", TutorId = "t2" };

        Assert.Equal("d1", delegateReader.Whose(null).Value);
        Assert.Equal(FailureKind.Forbidden, delegateReader.Whose("d2").Failure?.Kind);
        Assert.Equal(FailureKind.Invalid, tutor.Whose(" ").Failure?.Kind);
        Assert.Equal("d2", tutor.Whose(" d2 ").Value);
        Assert.False(tutor.MaySee(theirs));
        Assert.True(tutor.MaySee(new Participant { UserId = "d3", TutorId = "t1" }));
        Assert.True(team.MaySee(theirs));
    }
}
