using System.Text;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Files;

namespace Roundtable.Web.Projects;

// Fictional NPQH project progress for the demo cohort, with dates relative to today:
// delegate1 has every Project 1 requirement met and a full placement; delegate2 is one day short of
// the placement (a bank holiday in the log does not count) and presented to governors too late;
// delegate3 has just started; delegate4's Project 1 waits for assessor1; delegate5's outcome is
// released (not passed, so they can resubmit); delegate6 has a placement and a budget.
public static class ProjectsDemoData
{
    private static readonly (string Code, string Text)[] Project1Criteria =
    [
        ("1.1", "Identifies a whole-school priority from evidence of pupils' progress and attainment, and sets a SMART target."),
        ("1.2", "Designs the change programme with a clear rationale, success criteria and a realistic plan lasting at least two terms."),
        ("1.3", "Presents the plan to the governing board before implementation and shows how the board's feedback shaped it."),
        ("1.4", "Leads the team through implementation, building others' capability and dealing with obstacles."),
        ("1.5", "Evaluates the impact on pupils against the baseline and success criteria, and reflects on their own leadership."),
    ];

    private static readonly (string Code, string Text)[] Project2Criteria =
    [
        ("2.1", "Explains how the placement school contrasts with their own school and what that means for leading it."),
        ("2.2", "Analyses the placement school's current and projected resource and capability challenges from evidence."),
        ("2.3", "Designs an affordable action plan, with a curriculum-led budget, that addresses those challenges."),
        ("2.4", "Presents the plan to the placement school's governing board and responds to the board's feedback."),
        ("2.5", "Reflects on what leading in a different context taught them about headship."),
    ];

    private static readonly string[] Sentences =
    [
        "Our baseline showed that pupils eligible for the pupil premium made less progress in reading than their peers in every year group.",
        "The leadership team agreed that the priority was whole-school, because the gap widened as pupils moved through the school.",
        "We set a target that, by the end of the summer term, the gap in reading progress would close by half.",
        "Governors asked how we would know the change was working before the end of the year, so we added half-termly checkpoints.",
        "Teachers trialled the new approach in two classes first, and their feedback changed the timetable for everyone else.",
        "Middle leaders met fortnightly to look at pupils' work together, which built a shared understanding of what good looked like.",
        "Not every part of the plan went smoothly: staff absence in the spring term delayed the training for teaching assistants.",
        "By the final checkpoint, 71% of the pupils in the target group were reading at the expected standard, up from 52%.",
        "Looking back, the most important decision was to involve the whole staff in designing the approach rather than presenting it to them.",
        "I learned that a headteacher's job in change is to keep the purpose clear while others shape the detail.",
    ];

    private static readonly string[] Activities =
    [
        "Shadowed the headteacher through the day, including a governors' finance committee.",
        "Reviewed the three-year budget forecast with the school business manager.",
        "Observed reading lessons in Years 3 to 6 with the English lead.",
        "Interviewed middle leaders about workload, recruitment and retention.",
        "Analysed staffing structures and the curriculum plan against pupil numbers.",
        "Met the chair of governors to agree the scope of the action plan.",
        "Drafted the action plan and tested the budget options with the business manager.",
        "Walked the site with the premises manager to cost the building priorities.",
        "Presented early findings to the senior leadership team and took their questions.",
        "Refined the action plan after feedback from the headteacher.",
    ];

    public static async Task SeedAsync(AppDbContext db, int cohortId, TimeProvider time, CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var today = LondonTime.Today(time);
        var holidays = BankHolidays.LoadShipped();
        var participants = await db.Participants.Where(p => p.CohortId == cohortId).Include(p => p.User)
            .OrderBy(p => p.Id).ToListAsync(ct);
        var team = await db.Users.SingleAsync(u => u.Email == $"programme@{DemoData.Domain}", ct);
        var assessor = await db.Users.SingleAsync(u => u.Email == $"assessor1@{DemoData.Domain}", ct);
        var start = (await db.Cohorts.SingleAsync(c => c.Id == cohortId, ct)).CourseStart;

        if (!await db.SchoolTerms.AnyAsync(ct))
        {
            db.SchoolTerms.AddRange(SchoolTerms.EnglishDefaults.Select(SchoolTerm.From));
        }
        var criteria1 = Project1Criteria.Select((c, i) => new AssessmentCriterion { Project = 1, Code = c.Code, Text = c.Text, Position = i + 1 }).ToList();
        var criteria2 = Project2Criteria.Select((c, i) => new AssessmentCriterion { Project = 2, Code = c.Code, Text = c.Text, Position = i + 1 }).ToList();
        db.AssessmentCriteria.AddRange(criteria1);
        db.AssessmentCriteria.AddRange(criteria2);
        // Their ids, for the supporting documents mapped to them below.
        await db.SaveChangesAsync(ct);

        People.Participant Participant(int index) => participants[index];

        // A project that starts a month into the course and runs for eight months spans two terms;
        // the board sees the plan a week in, and implementation begins two weeks after that.
        var projectStart = start.AddMonths(1);
        while (projectStart.DayOfWeek != DayOfWeek.Monday)
        {
            projectStart = projectStart.AddDays(1);
        }
        Project1 Change(int index) => new()
        {
            ParticipantId = Participant(index).Id,
            Rationale = "Close the gap in reading progress between disadvantaged pupils and their peers: by the end of the summer term, halve the gap in the proportion reading at the expected standard.",
            BaselineEvidence = "Autumn assessments: 52% of disadvantaged pupils at the expected standard in reading against 78% of their peers.",
            SmartTarget = "By July, at least 65% of disadvantaged pupils in Years 3 to 6 read at the expected standard (52% now).",
            SuccessCriteria = "The gap is halved; every teacher uses the shared reading approach; pupils say they enjoy reading more.",
            Team = "Deputy headteacher, English lead, two year-group leaders and the SENCo.",
            Origin = ProjectOrigin.New,
            WholeSchool = true,
            Start = projectStart,
            PlannedEnd = projectStart.AddMonths(8),
            BoardPresentedOn = projectStart.AddDays(7),
            BoardFeedback = "Governors supported the plan and asked for half-termly updates on the target group.",
            BoardFeedbackOn = projectStart.AddDays(14),
            ImplementationStart = projectStart.AddDays(21),
            UpdatedAt = now,
        };

        // delegate1: every Project 1 requirement met, with a draft account and evidence mapped to
        // every criterion: ready to submit. A complete placement, but Project 2 has no budget or evidence yet.
        db.Project1s.Add(Change(0));
        db.Project2s.Add(Placement(Participant(0).Id, WorkingDaysBefore(today.AddDays(-14), 10, holidays), closures: [], now, board: today.AddDays(-7)));
        var ready = Account(Participant(0).Id, 1, 1, SubmissionStatus.Draft, 1500, now);
        var evidence = new StoredFile
        {
            Id = Guid.NewGuid(), FileName = "reading-data-and-board-minutes.txt", ContentType = "text/plain",
            Content = Encoding.UTF8.GetBytes("Half-termly reading data for the target group, and the governing board's minutes (fictional)."),
            UploadedById = Participant(0).UserId, UploadedAt = now,
        };
        evidence.Size = evidence.Content.Length;
        db.StoredFiles.Add(evidence);
        ready.Attach(evidence, criteria1.Select(c => c.Id), now);
        db.Submissions.Add(ready);

        // delegate2: the board saw Project 1 after implementation began; nine days logged, one of them a bank holiday.
        var late = Change(1);
        late.BoardPresentedOn = late.ImplementationStart!.Value.AddDays(10);
        db.Project1s.Add(late);
        var (logged, closure) = ShortPlacement(start, today, holidays);
        db.Project2s.Add(Placement(Participant(1).Id, logged, closure is { } c ? [c] : [], now, board: null));

        // delegate3: Project 1 just begun.
        db.Project1s.Add(new Project1
        {
            ParticipantId = Participant(2).Id,
            Rationale = "Improve attendance among pupils who are persistently absent, with a target of reducing persistent absence from 19% to 12% within the year.",
            UpdatedAt = now,
        });

        // delegate4: Project 1 submitted and waiting for assessor1.
        db.Project1s.Add(Change(3));
        var waiting = Account(Participant(3).Id, 1, 1, SubmissionStatus.Assigned, 3600, now);
        waiting.SubmittedAt = now.AddDays(-6);
        waiting.AssessorId = assessor.Id;
        waiting.AssignedAt = now.AddDays(-5);
        db.Submissions.Add(waiting);

        // delegate5: Project 1 assessed and released: not passed, so a resubmission is open to them.
        db.Project1s.Add(Change(4));
        var released = Account(Participant(4).Id, 1, 1, SubmissionStatus.Released, 3900, now);
        released.SubmittedAt = now.AddDays(-30);
        released.AssessorId = assessor.Id;
        released.AssignedAt = now.AddDays(-28);
        released.AssessedAt = now.AddDays(-14);
        released.ReleasedAt = now.AddDays(-10);
        released.ReleasedById = team.Id;
        released.Outcome = AssessmentOutcome.NotPassed;
        released.OutcomeComment = "A well-led change with clear impact. The account does not yet show how the governing board's feedback shaped the plan (1.3); add this and resubmit.";
        released.Judgements = criteria1.Select(cr => new CriterionJudgement
        {
            Criterion = cr,
            Met = cr.Code != "1.3",
            Comment = cr.Code == "1.3"
                ? "The board is mentioned, but not what it said or what changed because of it."
                : "Met: the account and the supporting evidence show this clearly.",
            RecordedAt = now.AddDays(-14),
        }).ToList();
        db.Submissions.Add(released);

        // delegate6: a full placement, the board's feedback, and a budget over two years.
        var placement = Placement(Participant(5).Id, WorkingDaysBefore(today.AddDays(-21), 9, holidays), closures: [], now, board: today.AddDays(-10));
        var year = today.Month >= 9 ? today.Year : today.Year - 1;
        placement.BudgetLines =
        [
            new BudgetLine { Category = BudgetCategory.SupportStaff, Year = year + 1, Description = "Part-time reading specialist for Key Stage 2", AmountPence = 14_500_00 },
            new BudgetLine { Category = BudgetCategory.ProfessionalDevelopment, Year = year + 1, Description = "Phonics training for teaching assistants", AmountPence = 2_400_00 },
            new BudgetLine { Category = BudgetCategory.TeachingStaff, Year = year + 1, Description = "Mixed-age classes in Years 5 and 6", AmountPence = -31_000_00 },
            new BudgetLine { Category = BudgetCategory.CurriculumResources, Year = year + 2, Description = "Decodable reading books", AmountPence = 3_200_00 },
        ];
        db.Project2s.Add(placement);

        var exemplarText = "Exemplar 1: Project 1 in a secondary academy (fictional)\r\n\r\n" + Words(1200);
        var file = new StoredFile
        {
            Id = Guid.NewGuid(), FileName = "exemplar-1-project-1-secondary.txt", ContentType = "text/plain",
            Content = Encoding.UTF8.GetBytes(exemplarText), UploadedById = team.Id, UploadedAt = now,
        };
        file.Size = file.Content.Length;
        db.StoredFiles.Add(file);
        db.Exemplars.Add(new Exemplar
        {
            Project = 1, Title = "Exemplar 1: a secondary academy", FileId = file.Id, PublishedAt = now, PublishedById = team.Id, Phase = People.SchoolPhase.Secondary,
            Summary = "A change to Key Stage 3 reading across all subjects, with clear baseline evidence and a frank evaluation.",
        });
        // A second exemplar from another phase, so delegates can filter exemplars by phase.
        var primaryFile = new StoredFile
        {
            Id = Guid.NewGuid(), FileName = "exemplar-2-project-2-primary.txt", ContentType = "text/plain",
            Content = Encoding.UTF8.GetBytes("Exemplar 2: Project 2 placement in a rural primary school (fictional)\r\n\r\n" + Words(900)), UploadedById = team.Id, UploadedAt = now,
        };
        primaryFile.Size = primaryFile.Content.Length;
        db.StoredFiles.Add(primaryFile);
        db.Exemplars.Add(new Exemplar
        {
            Project = 2, Title = "Exemplar 2: a rural primary school", FileId = primaryFile.Id, PublishedAt = now, PublishedById = team.Id, Phase = People.SchoolPhase.Primary,
            Summary = "A placement in a small rural primary with a mixed-age staffing challenge; the action plan and its curriculum-led budget are models of clarity.",
        });

        await db.SaveChangesAsync(ct);
    }

    private static Project2 Placement(int participantId, IReadOnlyList<DateOnly> days, IReadOnlyList<(DateOnly Date, string Reason)> closures, DateTime now, DateOnly? board) => new()
    {
        ParticipantId = participantId,
        PlacementSchoolName = "Saltmarsh Community Primary (fictional)",
        PlacementSchoolUrn = 190099,
        PlacementSchoolPhase = People.SchoolPhase.Primary,
        ContrastPerformance = "Judged to require improvement; reading outcomes well below the national average.",
        ContrastPupilProfile = "Half the pupils are disadvantaged; a quarter speak English as an additional language.",
        ContrastGeography = "A coastal town, far from the nearest teaching school hub.",
        Challenges = "Falling rolls will cut the budget by about 8% over three years, and two experienced teachers retire next summer.",
        ActionPlan = "Move to mixed-age classes in Years 5 and 6, use the saving to fund a reading specialist, and train teaching assistants in phonics.",
        AreaExperience = "Eight years leading reading and phonics across a primary school, and a year as an English hub lead.",
        AreaToImprove = true,
        LeadsActionPlan = true,
        BoardPresentedOn = board,
        BoardFeedback = board is null ? null : "Governors welcomed the plan and asked for a staffing consultation timeline.",
        PlacementDays = days.Select((d, i) => new PlacementDay { Date = d, Activity = Activities[i % Activities.Length] }).ToList(),
        ClosureDays = closures.Select(c => new ClosureDay { Date = c.Date, Reason = c.Reason }).ToList(),
        UpdatedAt = now,
    };

    // Nine consecutive weekdays around the latest bank holiday since the course began (so eight count),
    // with a training day at the placement school in the middle that is not logged.
    private static (List<DateOnly> Days, (DateOnly, string)? Closure) ShortPlacement(DateOnly courseStart, DateOnly today, BankHolidayCalendar holidays)
    {
        var holiday = holidays.Holidays.LastOrDefault(h => h.Date > courseStart && h.Date <= today.AddDays(-14) && h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        if (holiday is null)
        {
            return (WorkingDaysBefore(today.AddDays(-14), 8, holidays), null);
        }
        var days = new List<DateOnly>();
        var day = holiday.Date.AddDays(-4);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        DateOnly? closure = null;
        while (days.Count < 9)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                if (closure is null && day > holiday.Date && !holidays.IsHoliday(day))
                {
                    closure = day;
                }
                else
                {
                    days.Add(day);
                }
            }
            day = day.AddDays(1);
        }
        return (days, closure is { } c ? (c, "Staff training day") : null);
    }

    private static List<DateOnly> WorkingDaysBefore(DateOnly last, int count, BankHolidayCalendar holidays)
    {
        var days = new List<DateOnly>();
        for (var day = last; days.Count < count; day = day.AddDays(-1))
        {
            if (WorkingDays.IsWorkingDay(day, holidays))
            {
                days.Add(day);
            }
        }
        days.Reverse();
        return days;
    }

    private static Submission Account(int participantId, int project, int version, SubmissionStatus status, int words, DateTime now)
    {
        var submission = Submission.Start(participantId, project, version, now);
        var third = words / 3;
        submission.SetText([Words(third), Words(third), Words(words - 2 * third)], "Annex A: the half-termly reading data for the target group.", now);
        submission.Status = status;
        return submission;
    }

    // Paragraphs of the sample sentences, cut to exactly the number of words asked for.
    private static string Words(int count)
    {
        var words = new List<string>();
        for (var i = 0; words.Count < count; i++)
        {
            words.AddRange(Sentences[i % Sentences.Length].Split(' '));
        }
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(words[i]).Append(i % 120 == 119 ? "\n\n" : " ");
        }
        return text.ToString().Trim();
    }
}
