namespace Roundtable.Web.Reminders;

// Absolute links for reminder e-mails, from App:BaseUrl (never from a request: jobs have none).
public sealed class ReminderLinks(IConfiguration configuration)
{
    public const string DefaultBaseUrl = "http://localhost:5080";

    public string BaseUrl { get; } = (configuration["App:BaseUrl"] is { Length: > 0 } configured ? configured : DefaultBaseUrl).TrimEnd('/');

    public string ProblemCard(int sessionId) => $"{BaseUrl}/Communities/Problem/{sessionId}";
    public string Session(int sessionId) => $"{BaseUrl}/Communities/Session/{sessionId}";
    public string BookTutorial() => $"{BaseUrl}/Tutorials";
    public string Feedback(int bookingId) => $"{BaseUrl}/Partner/Feedback/{bookingId}";
    public string TeamTutorials() => $"{BaseUrl}/Programme/Tutorials?show=overdue";
    public string Invoices() => $"{BaseUrl}/Programme/Invoices?status=submitted";
    public string Placement() => $"{BaseUrl}/Projects/Placement";
    public string TutorDelegate(int participantId) => $"{BaseUrl}/Tutor/Projects/Delegate/{participantId}";
    public string Preferences() => $"{BaseUrl}/Me/Reminders";
    public string Unsubscribe(string token) => $"{BaseUrl}/unsubscribe/{token}";
}
