using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Roundtable.Web.Pages;

// Shown for any error status on the site; never a stack trace.
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";
    public string Message { get; private set; } = "Try again later. What you entered may not have been saved.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? 500;
        (Title, Message) = status switch
        {
            400 => ("Your request could not be processed", "The form may have expired or been changed. Go back, reload the page and try again."),
            403 => ("You do not have access to this page", "If you think you should, ask your programme team."),
            404 => ("Page not found", "If you typed the web address, check it is correct. If you pasted it, check you copied the entire address."),
            429 => ("Too many attempts", "Wait a few minutes, then try again."),
            413 => ("The file is too large", "Files must be smaller than 10 MB. Go back and choose a smaller file."),
            _ => (Title, Message),
        };
        Response.StatusCode = status is >= 400 and < 600 ? status : 500;
    }
}
