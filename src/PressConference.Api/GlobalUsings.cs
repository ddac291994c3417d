// The shared kernel (decision 0001, docs/architecture.md): every feature may use the one AppDbContext and the
// infrastructure, so they are imported once here rather than at the top of every feature file.
global using PressConference.Api.Data;
global using PressConference.Api.Infrastructure;
