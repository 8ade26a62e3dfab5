namespace Actors.Grains.Execution;

/// <summary>
/// An executor whose work runs outside the silo (on an agent) and can be waited for again from
/// another silo: calling it again for the same run and attempt picks the attempt up instead of
/// starting it twice. A task whose silo died waits for such an attempt instead of abandoning it.
/// </summary>
public interface IResumableExecutor : IExecutor;
