package dev.tower.jobs;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Every {@link TowerTask} bean, by name. */
@Component
class TaskCatalog {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final Map<String, TowerTask> tasks;

	TaskCatalog(List<TowerTask> tasks) {
		tasks.stream().filter(task -> !NAME.matcher(task.name()).matches()).findFirst().ifPresent(task -> {
			throw new IllegalStateException("task name '%s' of %s must be lower-case words joined by dashes"
				.formatted(task.name(), task.getClass().getName()));
		});
		this.tasks = tasks.stream().collect(Collectors.toMap(TowerTask::name, Function.identity(), (a, b) -> {
			throw new IllegalStateException("two tasks are named '%s'".formatted(a.name()));
		}));
	}

	Optional<TowerTask> find(String name) {
		return Optional.ofNullable(tasks.get(name));
	}

	TowerTask get(String name) {
		return find(name).orElseThrow(() -> new UnknownJobException("No task named '%s'.".formatted(name)));
	}

	boolean contains(String name) {
		return tasks.containsKey(name);
	}

	Collection<TowerTask> all() {
		return tasks.values().stream().sorted(Comparator.comparing(TowerTask::title)).toList();
	}

}
