// The shared kernel (decision 0001, docs/architecture.md): every feature may use the one AppDbContext and the
// infrastructure, and uses EF Core directly (no repository layer), so they are imported once here rather than at the
// top of every feature file.
global using Microsoft.EntityFrameworkCore;
global using PressConference.Api.Data;
global using PressConference.Api.Infrastructure;
