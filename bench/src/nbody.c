/* nbody — FP-heavy numerical code: the n-body simulation of the Computer Language Benchmarks
 * Game (Sun, Jupiter, Saturn, Uranus, Neptune; symplectic Euler steps, sqrt and divide per
 * pair).  Each unit runs SIMS simulations of 1000 steps from the initial state.
 *
 * Checks, all against the Benchmarks Game's published output: the energy is -0.169075164 before
 * and -0.169087605 after 1000 steps (to the 9 printed digits). */
#include "bench.h"
#include <math.h>

#define STEPS 1000            /* steps per simulation (the published output is for 1000) */
#define SIMS 50               /* simulations per unit */
#define BODIES 5

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

typedef struct { double x, y, z, vx, vy, vz, mass; } Body;

static const Body initial[BODIES] = {
    { 0, 0, 0, 0, 0, 0, SOLAR_MASS },                                         /* Sun */
    { 4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
      1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
      -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS },
    { 8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
      -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
      2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS },
    { 1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
      2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
      -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS },
    { 1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
      2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
      -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS },
};

/* Moves the Sun so that the total momentum is zero. */
static void offset_momentum(Body *b)
{
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < BODIES; i++) {
        px += b[i].vx * b[i].mass;
        py += b[i].vy * b[i].mass;
        pz += b[i].vz * b[i].mass;
    }
    b[0].vx = -px / SOLAR_MASS;
    b[0].vy = -py / SOLAR_MASS;
    b[0].vz = -pz / SOLAR_MASS;
}

static double energy(const Body *b)
{
    double e = 0;
    for (int i = 0; i < BODIES; i++) {
        e += 0.5 * b[i].mass * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
        for (int j = i + 1; j < BODIES; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
            e -= b[i].mass * b[j].mass / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static __attribute__((noinline)) void advance(Body *b, int steps, double dt)
{
    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < BODIES; i++)
            for (int j = i + 1; j < BODIES; j++) {
                double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * sqrt(d2));
                b[i].vx -= dx * b[j].mass * mag;
                b[i].vy -= dy * b[j].mass * mag;
                b[i].vz -= dz * b[j].mass * mag;
                b[j].vx += dx * b[i].mass * mag;
                b[j].vy += dy * b[i].mass * mag;
                b[j].vz += dz * b[i].mass * mag;
            }
        for (int i = 0; i < BODIES; i++) {
            b[i].x += dt * b[i].vx;
            b[i].y += dt * b[i].vy;
            b[i].z += dt * b[i].vz;
        }
    }
}

int main(int argc, char **argv)
{
    int units = bench_init("nbody", argc, argv);
    Body b[BODIES];
    double e0 = 0, e1 = 0;
    for (int u = 0; u < units && !bench_failures; u++) {
        for (int sim = 0; sim < SIMS; sim++) {
            for (int i = 0; i < BODIES; i++)
                b[i] = initial[i];
            offset_momentum(b);
            e0 = energy(b);
            BENCH_CLOBBER(b);
            advance(b, STEPS, 0.01);
            e1 = energy(b);
            if (!bench_check(fabs(e0 - -0.169075164) < 5e-10 && fabs(e1 - -0.169087605) < 5e-10,
                             "unit %d: energy %.9f -> %.9f, expected -0.169075164 -> -0.169087605",
                             u, e0, e1))
                break;
        }
    }
    return bench_finish("%d units of %d x %d steps, energy %.9f -> %.9f", units, SIMS, STEPS, e0,
                        e1);
}
