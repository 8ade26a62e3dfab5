namespace Actors.Cli.Serve;

/// <summary>Finds the checkout's <c>ops/run</c>: above the CLI's own files first, then above the current directory.</summary>
public static class OpsRunLocator
{
    /// <summary>The path of <c>ops/run</c> in the first checkout (a folder with <c>Actors.sln</c>) above one of <paramref name="starts"/>, or null.</summary>
    public static string? Find(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var run = Path.Combine(dir.FullName, "ops", "run");
                if (File.Exists(run) && File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
                {
                    return run;
                }
            }
        }

        return null;
    }
}
