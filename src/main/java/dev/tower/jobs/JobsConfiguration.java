package dev.tower.jobs;

import java.util.List;
import java.util.Optional;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.JobServerFilter;
import org.jobrunr.jobs.filters.RetryFilter;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.spring.autoconfigure.JobRunrProperties;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** JobRunr as Tower runs it: Jackson 3 for stored jobs, retries with backoff, and a notification when a job gives up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

	JobsConfiguration(JobRunrProperties jobRunr) {
		JobRunrProperties.Dashboard dashboard = jobRunr.getDashboard();
		if (dashboard.isEnabled() && (!StringUtils.hasText(dashboard.getUsername()) || !StringUtils.hasText(dashboard.getPassword()))) {
			throw new IllegalStateException("the JobRunr dashboard needs a user name and password: set "
					+ "TOWER_JOBS_DASHBOARD_USER and TOWER_JOBS_DASHBOARD_PASSWORD, or leave it off");
		}
	}

	@Bean
	JsonMapper jobRunrJsonMapper() {
		return new Jackson3JsonMapper();
	}

	@Bean
	@ConditionalOnProperty(prefix = "jobrunr.background-job-server", name = "enabled", havingValue = "true")
	BackgroundJobServer backgroundJobServer(StorageProvider storage, JsonMapper jobRunrJsonMapper, JobActivator activator,
			BackgroundJobServerConfiguration configuration, JobRunrProperties jobRunr,
			ObjectProvider<Notifications> notifications) {
		BackgroundJobServer server = new BackgroundJobServer(storage, jobRunrJsonMapper, activator, configuration);
		server.setJobFilters(List.of(
				new RetryFilter(jobRunr.getJobs().getDefaultNumberOfRetries(), jobRunr.getJobs().getRetryBackOffTimeSeed()),
				new NotifyWhenGivingUp(notifications)));
		return server;
	}

	/** Tells people about a job that ended failed, except a failed notification, which would only beget more. */
	record NotifyWhenGivingUp(ObjectProvider<Notifications> notifications) implements JobServerFilter {

		@Override
		public void onFailedAfterRetries(Job job) {
			if (DeliverNotificationHandler.class.getName().equals(job.getJobDetails().getClassName())) {
				return;
			}
			JobView failed = JobView.of(job, Optional.empty());
			notifications.getObject().send("jobs", "Job \"%s\" failed after %d attempt%s: %s".formatted(failed.title(),
					failed.attempts(), failed.attempts() == 1 ? "" : "s", failed.error().message()));
		}

	}

}
