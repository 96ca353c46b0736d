// SPDX-License-Identifier: GPL-2.0-only
#include <signal.h>
#include <string.h>

#include "lib/stop.h"

atomic_int stop_requested;

static void on_stop(int sig)
{
	stop_requested = sig;
}

void install_stop_handlers(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}
